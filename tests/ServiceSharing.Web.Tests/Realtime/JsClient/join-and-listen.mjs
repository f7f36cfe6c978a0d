// Usage: node join-and-listen.mjs <baseUrl> <token> <assessmentId> <count>
// Joins the assessment's board, prints "joined <version>", then one JSON line per BoardChanged until <count> arrived.
import * as signalR from "@microsoft/signalr";

const [baseUrl, token, assessmentId, count] = process.argv.slice(2);
const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/review`, { accessTokenFactory: () => token })
  .withAutomaticReconnect()
  .configureLogging(signalR.LogLevel.Warning)
  .build();

let received = 0;
const done = new Promise((resolve) => {
  connection.on("BoardChanged", (message) => {
    console.log(JSON.stringify(message));
    if (++received >= Number(count)) resolve();
  });
});

const timeout = setTimeout(() => { console.error("timed out"); process.exit(2); }, 30000);
await connection.start();
const version = await connection.invoke("JoinAssessment", assessmentId);
console.log(`joined ${version}`);
await done;
clearTimeout(timeout);
await connection.stop();
