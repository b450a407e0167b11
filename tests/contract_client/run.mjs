// node run.mjs <base URL> <page id>: the compiled event.ts's summary of that page, as JSON.
import { eventSummary } from "./out/event.js";

const [baseUrl, id] = process.argv.slice(2);
console.log(JSON.stringify(await eventSummary(baseUrl, Number(id))));
