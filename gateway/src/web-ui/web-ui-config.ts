/** What the gateway needs to serve the dashboard and GraphiQL. */
export interface WebUiConfig {
  /** The dashboard's build output: index.html, graphiql.html and assets/. */
  dashboardDir: string;
  /** Development sign-in (DEV_SIGN_IN); undefined when off, and always off in production. */
  devSignIn?: DevSignInConfig;
}

export interface DevSignInConfig {
  /** Private JWK of the local development keys. */
  privateKeyFile: string;
  issuer: string;
  audience: string;
}
