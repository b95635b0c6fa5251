// Node entry point: start-up hooks first, then the server (HTTP + scheduler, see server.ts).
import "./platform/node-loader.ts";

await import("./server.ts");
