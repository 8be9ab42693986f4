#!/bin/sh
# Logs a demo user in through rg-web and reads who they are and their community's notices.
# Usage: infra/devstack/demo.sh [username] [X-Community key]
set -e
user="${1:-baiguoshu.resident}"
keycloak="${RG_KEYCLOAK:-http://127.0.0.1:8180}"
api="${RG_API:-http://127.0.0.1:8080}"

token=$(curl -sf "$keycloak/realms/red-governance/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=rg-web -d scope=openid \
  -d "username=$user" -d password=demo | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

header=""
[ -n "$2" ] && header="X-Community: $2"

curl -sf "$api/graphql" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' ${header:+-H "$header"} \
  -d '{"query":"{ viewer { username displayName communityRoles { communityKey roles } } notices(first: 5) { edges { node { title audience publishedAt community { key name } } } } }"}'
echo
