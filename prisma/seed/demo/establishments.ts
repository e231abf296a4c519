/**
 * Forty fictional establishments: a few hospitals and many small medico-social structures, as in
 * the sector. FINESS and SIRET numbers are generated with valid check keys, never real ones.
 */
export type DemoEstablishment = {
  name: string;
  categoryCode: string;
  departmentCode: string;
  city: string;
  /** Professionals in the demo roster. */
  staff: number;
  ght?: string;
  /** 0–1: how far the establishment is in its RPPS and MIE rollout. */
  maturity: number;
};

export const DEMO_ESTABLISHMENTS: readonly DemoEstablishment[] = [
  {
    name: "Centre hospitalier régional de la Vallée de l'Orne",
    categoryCode: "101",
    departmentCode: "14",
    city: "Caen",
    staff: 260,
    ght: "GHT Normandie Centre",
    maturity: 0.8,
  },
  {
    name: "Centre hospitalier des Deux-Rives",
    categoryCode: "355",
    departmentCode: "69",
    city: "Villefranche-sur-Saône",
    staff: 180,
    ght: "GHT Rhône Nord Beaujolais Dombes",
    maturity: 0.7,
  },
  {
    name: "Centre hospitalier du Pays de Brocéliande",
    categoryCode: "355",
    departmentCode: "35",
    city: "Montfort-sur-Meu",
    staff: 140,
    ght: "GHT Haute-Bretagne",
    maturity: 0.6,
  },
  {
    name: "Centre hospitalier spécialisé Les Érables",
    categoryCode: "292",
    departmentCode: "59",
    city: "Armentières",
    staff: 120,
    ght: "GHT Lille Métropole Flandre intérieure",
    maturity: 0.5,
  },
  {
    name: "Hôpital de proximité du Haut-Vivarais",
    categoryCode: "106",
    departmentCode: "07",
    city: "Annonay",
    staff: 70,
    ght: "GHT Drôme-Ardèche Nord",
    maturity: 0.45,
  },
  {
    name: "Centre hospitalier de Sainte-Marie du Littoral",
    categoryCode: "355",
    departmentCode: "974",
    city: "Saint-Denis",
    staff: 110,
    ght: "GHT La Réunion",
    maturity: 0.55,
  },
  { name: "EHPAD Les Tilleuls", categoryCode: "500", departmentCode: "79", city: "Bressuire", staff: 48, maturity: 0.35 },
  { name: "EHPAD Résidence du Parc", categoryCode: "500", departmentCode: "33", city: "Libourne", staff: 62, maturity: 0.5 },
  { name: "EHPAD Le Clos Fleuri", categoryCode: "500", departmentCode: "2A", city: "Ajaccio", staff: 40, maturity: 0.25 },
  { name: "EHPAD La Roseraie", categoryCode: "500", departmentCode: "67", city: "Haguenau", staff: 55, maturity: 0.6 },
  { name: "EHPAD Les Jardins d'Automne", categoryCode: "500", departmentCode: "31", city: "Muret", staff: 45, maturity: 0.3 },
  { name: "EHPAD Saint-Joseph", categoryCode: "500", departmentCode: "44", city: "Ancenis-Saint-Géréon", staff: 52, maturity: 0.4 },
  { name: "EHPAD Les Hortensias", categoryCode: "500", departmentCode: "29", city: "Quimperlé", staff: 38, maturity: 0.2 },
  { name: "EHPAD Villa Beausoleil", categoryCode: "500", departmentCode: "06", city: "Menton", staff: 44, maturity: 0.45 },
  { name: "Résidence autonomie Les Cèdres", categoryCode: "202", departmentCode: "21", city: "Beaune", staff: 14, maturity: 0.15 },
  { name: "IME Les Sources", categoryCode: "183", departmentCode: "38", city: "Voiron", staff: 36, maturity: 0.3 },
  { name: "IME Le Petit Prince", categoryCode: "183", departmentCode: "62", city: "Béthune", staff: 32, maturity: 0.4 },
  { name: "ITEP La Passerelle", categoryCode: "186", departmentCode: "86", city: "Châtellerault", staff: 24, maturity: 0.25 },
  { name: "EEAP L'Arc-en-Ciel", categoryCode: "192", departmentCode: "57", city: "Sarreguemines", staff: 30, maturity: 0.35 },
  { name: "SESSAD Les Lucioles", categoryCode: "182", departmentCode: "45", city: "Montargis", staff: 16, maturity: 0.2 },
  { name: "MAS Le Hameau", categoryCode: "255", departmentCode: "13", city: "Salon-de-Provence", staff: 58, maturity: 0.5 },
  { name: "MAS Les Oliviers", categoryCode: "255", departmentCode: "34", city: "Lunel", staff: 50, maturity: 0.4 },
  { name: "FAM La Source Vive", categoryCode: "437", departmentCode: "63", city: "Riom", staff: 34, maturity: 0.3 },
  { name: "EAM Les Genêts", categoryCode: "448", departmentCode: "87", city: "Saint-Junien", staff: 28, maturity: 0.25 },
  { name: "ESAT Les Ateliers du Val", categoryCode: "246", departmentCode: "49", city: "Saumur", staff: 22, maturity: 0.15 },
  { name: "SSIAD du Pays de Caux", categoryCode: "354", departmentCode: "76", city: "Yvetot", staff: 26, maturity: 0.35 },
  { name: "SSIAD Entre Loire et Allier", categoryCode: "354", departmentCode: "58", city: "Decize", staff: 18, maturity: 0.3 },
  { name: "SSIAD de la Haute-Corse", categoryCode: "354", departmentCode: "2B", city: "Corte", staff: 15, maturity: 0.2 },
  { name: "SPASAD Vivre à domicile", categoryCode: "209", departmentCode: "72", city: "La Flèche", staff: 30, maturity: 0.25 },
  { name: "SAAD Aide et Présence", categoryCode: "460", departmentCode: "80", city: "Abbeville", staff: 28, maturity: 0.1 },
  { name: "SAMSAH Horizons", categoryCode: "445", departmentCode: "25", city: "Montbéliard", staff: 14, maturity: 0.3 },
  { name: "SAVS Le Relais", categoryCode: "446", departmentCode: "51", city: "Épernay", staff: 12, maturity: 0.2 },
  { name: "CHRS L'Escale", categoryCode: "214", departmentCode: "93", city: "Montreuil", staff: 20, maturity: 0.15 },
  { name: "CHRS Le Phare", categoryCode: "214", departmentCode: "971", city: "Pointe-à-Pitre", staff: 16, maturity: 0.1 },
  { name: "CMPP Françoise-Dolto", categoryCode: "189", departmentCode: "75", city: "Paris", staff: 18, maturity: 0.45 },
  { name: "EHPAD Les Vignes", categoryCode: "500", departmentCode: "51", city: "Reims", staff: 46, maturity: 0.55 },
  { name: "EHPAD Le Moulin", categoryCode: "500", departmentCode: "27", city: "Évreux", staff: 40, maturity: 0.35 },
  { name: "IME Les Coquelicots", categoryCode: "183", departmentCode: "972", city: "Fort-de-France", staff: 26, maturity: 0.2 },
  { name: "MAS La Clairière", categoryCode: "255", departmentCode: "88", city: "Épinal", staff: 42, maturity: 0.45 },
  { name: "EHPAD La Martinière", categoryCode: "500", departmentCode: "17", city: "Saintes", staff: 50, maturity: 0.5 },
];
