using CheckIn.Fuzz;
using SharpFuzz;

// checkin-fuzz TARGET          run under afl-fuzz (input on stdin, SharpFuzz's out-of-process loop)
// checkin-fuzz replay TARGET DIR...   run every file of the folders through the target in-process
// checkin-fuzz seed DIR        write the seed corpus (one folder per target) into DIR
if (args is ["seed", var folder])
{
    Seeds.Write(folder);
    return 0;
}

if (args is ["replay", var replayTarget, .. var folders] && FuzzTargets.All.TryGetValue(replayTarget, out var replay))
{
    var failures = 0;
    foreach (var file in folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f)).Order(StringComparer.Ordinal))
    {
        try
        {
            replay(File.ReadAllBytes(file));
        }
        catch (Exception exception)
        {
            failures++;
            Console.Error.WriteLine($"{Path.GetFileName(file)}: {exception.GetType().Name}: {exception.Message}");
        }
    }

    return failures == 0 ? 0 : 1;
}

if (args is [var name] && (FuzzTargets.All.TryGetValue(name, out var target) || (name == "canary" && (target = FuzzTargets.Canary) is not null)))
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target(buffer.ToArray());
    });
    return 0;
}

Console.Error.WriteLine($"usage: CheckIn.Fuzz TARGET | replay TARGET DIR... | seed DIR; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
return 2;
