using System.Text;

namespace CheckIn.Service;

/// <summary>The service's secrets on disk (the venue-signing key, the staff API key): made once, readable by their owner only.</summary>
internal static class SecretFile
{
    /// <summary>The file's text; when it does not exist, makes it (owner read and write only) with <paramref name="make"/>'s text first.</summary>
    public static string ReadOrCreate(string path, Func<string> make)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(make());
        }

        return File.ReadAllText(path);
    }
}
