// A real S3-protocol server for tests (s3rver), in a child process of its own: `node --openssl-legacy-provider
// lib/testing/s3-server.mjs <dir> <bucket>` prints the port, then serves until killed. The legacy provider is for
// s3rver, which encrypts its listing continuation tokens with DES; it stays out of the test process itself.
import S3rver from "s3rver";

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`${port}\n`);
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
