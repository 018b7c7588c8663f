// Runs dynalite (in memory) for the tests, with the command-line options of dynalite's own cli.js.
// Exits when its standard input closes, so it never outlives the test JVM that started it,
// however that JVM ends.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
// A client that dies in the middle of a request (the crash test kills the server with kill -9) makes
// the request emit 'aborted', which dynalite throws again and would die of, taking every table with it.
// DynamoDB drops such a request and carries on; so does this: an aborted request was never handled.
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET') {
    console.error('a client went away in the middle of a request, which is dropped: ' + err.message)
    return
  }
  console.error(err)
  process.exit(1)
})
require('dynalite/cli.js')
