// PostGraphile 5 for the benchmark: the amber preset over schema rg, connected as rg_api with the
// same pool size as platform-api, and the same tenancy as platform-api sets per transaction:
// the token is verified against Keycloak's keys, its group paths are turned into community ids
// through rg.resolve_scope (cached 10 s, like platform-api's directory), narrowed to one
// community by X-Community, and handed to PostgreSQL as rg.community_ids / rg.user_id.
import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { createRemoteJWKSet, jwtVerify } from "jose";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const port = Number(env("PORT"));
const issuer = env("OIDC_ISSUER");
const poolSize = Number(process.env.POOL_SIZE ?? "10");
const directoryTtlMs = 10_000;

const pool = new pg.Pool({ connectionString: env("DATABASE_URL"), max: poolSize });
const directoryPool = new pg.Pool({ connectionString: env("DATABASE_URL"), max: 1 });
const keys = createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`));

const directory = new Map();
async function reachable(claims) {
  const groups = claims.groups ?? [];
  const streets = groups.filter((g) => g.startsWith("/streets/")).map((g) => g.split("/")[2]);
  const communities = groups.filter((g) => g.startsWith("/communities/")).map((g) => g.split("/")[2]);
  const operator = (claims.realm_access?.roles ?? []).includes("platform-operator");
  const cacheKey = JSON.stringify([operator, [...new Set(streets)].sort(), [...new Set(communities)].sort()]);
  const cached = directory.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.rows;
  const { rows } = await directoryPool.query(
    "select id, key, status from rg.resolve_scope($1, $2, $3)",
    [operator, streets, communities],
  );
  directory.set(cacheKey, { rows, until: Date.now() + directoryTtlMs });
  return rows;
}

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ["rg"] })],
  grafserv: { graphqlPath: "/graphql", websockets: false },
  grafast: {
    explain: false,
    async context(requestContext) {
      const request = requestContext.node?.req;
      const authorization = request?.headers?.authorization ?? "";
      if (!authorization.startsWith("Bearer ")) {
        return { pgSettings: { "rg.community_ids": "{}" } };
      }
      const { payload } = await jwtVerify(authorization.slice(7), keys, {
        issuer,
        audience: "rg-api",
      });
      let rows = await reachable(payload);
      const narrowTo = request.headers["x-community"];
      if (narrowTo) rows = rows.filter((row) => row.key === narrowTo);
      return {
        pgSettings: {
          "rg.community_ids": `{${rows.map((row) => row.id).join(",")}}`,
          "rg.user_id": payload.sub,
        },
      };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
serv.addTo(server).then(() => {
  server.listen(port, "127.0.0.1", () => console.log(`PostGraphile ready on ${port}`));
});
