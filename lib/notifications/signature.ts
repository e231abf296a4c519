/** The closing line of every e-mail the programme sends. */
export const SIGNATURE = "L'équipe HospiConnect – Agence du Numérique en Santé";
