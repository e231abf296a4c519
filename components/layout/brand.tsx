/** The State's brand block, shared by the header and the footer. */
export const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

export const HOME_LINK = { href: "/", title: "Accueil – HospiConnect, appels à projets" } as const;
