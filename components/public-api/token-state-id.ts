/** The id of a token's state cell on the tokens page, where the focus goes once it is revoked. */
export function apiTokenStateId(tokenId: string): string {
  return `etat-jeton-${tokenId}`;
}
