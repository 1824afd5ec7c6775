using System.Text;
using CheckIn.Cli;

// Standard output through one buffer flushed at the end: Console.Out flushes every write, which costs a system call a
// line (seconds for a trace printing 200,000 contacts). Standard error stays unbuffered, so progress shows as it happens.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
var code = CliApplication.Run(args, output, Console.Error);
output.Flush();
return code;
