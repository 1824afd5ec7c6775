using System.Security.Cryptography;

namespace CheckIn.Cli.Io;

/// <summary>
/// The pseudonymization key of a PostgreSQL store, in a file (base64 of 32 random bytes, readable by its owner only):
/// visits written with it can be traced only with it, so the same file goes to <c>simulate --store</c> and
/// <c>trace --store</c>. The key never enters the database.
/// </summary>
internal static class StoreKey
{
    /// <summary>Reads the key, or with <paramref name="create"/> makes the file when it does not exist.</summary>
    /// <returns>The key and whether it was made now, or the problem (a usage error) and no key.</returns>
    public static (byte[]? Key, bool Made, string? Problem) Read(FileInfo file, bool create)
    {
        if (!file.Exists)
        {
            if (!create)
            {
                return (null, false, $"--key-file {file.Name} does not exist: give the key the store's visits were written with.");
            }

            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(file.FullName, System.Text.Encoding.ASCII, options))
            {
                writer.Write(Convert.ToBase64String(key));
            }

            return (key, true, null);
        }

        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(file.FullName).Trim());
            return key.Length >= 32 ? (key, false, null) : (null, false, $"--key-file {file.Name} holds a key shorter than 32 bytes.");
        }
        catch (FormatException)
        {
            return (null, false, $"--key-file {file.Name} does not hold a base64 key.");
        }
    }
}
