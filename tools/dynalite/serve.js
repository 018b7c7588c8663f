// Runs dynalite (in memory) for the tests, with the command-line options of dynalite's own cli.js.
// Exits when its standard input closes, so it never outlives the test JVM that started it,
// however that JVM ends.
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
require('dynalite/cli.js')
