// Must NOT compile (tests/test_api_clients.py checks that it does not): without asking the page
// its type, a front-end cannot read an event's start, as any page could come back.
import createClient from "openapi-fetch";
import type { paths } from "./api";

export async function startOf(baseUrl: string, id: number): Promise<string | undefined> {
  const client = createClient<paths>({ baseUrl });
  const { data } = await client.GET("/api/v3/pages/{page_id}/", {
    params: { path: { page_id: id } },
  });
  return data?.start;
}
