using System.Security.Cryptography;

namespace CheckIn.Cli.Io;

/// <summary>
/// Reads and writes the files the commands are given, turning what can go wrong with them into <see cref="CliProblem"/>s
/// with codes: a missing file, one that cannot be read, one too large, a key that is not a key.
/// </summary>
internal static class CliFiles
{
    /// <summary>The most a command reads of a text or image file (64 MiB): enough for any photo or document.</summary>
    public const long MaxInputBytes = 64L << 20;

    /// <summary>The most a key file may hold.</summary>
    private const long MaxKeyBytes = 64 << 10;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The file, when it exists.</summary>
    public static FileInfo Existing(FileInfo file)
    {
        file.Refresh();
        if (Directory.Exists(file.FullName))
        {
            throw new CliProblem(CliProblem.FileUnreadable, $"{file.Name}: is a folder, not a file.");
        }

        return file.Exists ? file : throw new CliProblem(CliProblem.FileMissing, $"{file.Name}: no such file.");
    }

    /// <summary>The file's bytes, at most <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadBytes(FileInfo file, long maxBytes = MaxInputBytes) =>
        Guard(file, () =>
        {
            using var stream = new FileStream(Existing(file).FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > maxBytes)
            {
                throw new CliProblem(CliProblem.FileTooLarge, $"{file.Name}: larger than {maxBytes >> 20} MiB.");
            }

            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        });

    /// <summary>The file's text (UTF-8), at most <paramref name="maxBytes"/>.</summary>
    public static string ReadText(FileInfo file, long maxBytes = MaxInputBytes)
    {
        var bytes = ReadBytes(file, maxBytes);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Opens the file for reading (streams of any length).</summary>
    public static StreamReader OpenText(FileInfo file) =>
        Guard(file, () => new StreamReader(Existing(file).FullName));

    /// <summary>Opens the file for reading bytes (streams of any length).</summary>
    public static FileStream OpenRead(FileInfo file) =>
        Guard(file, () => new FileStream(Existing(file).FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));

    /// <summary>An ECDSA P-256 private key from a PEM file (PKCS#8 or SEC 1).</summary>
    public static ECDsa ReadPrivateKey(FileInfo file)
    {
        var pem = ReadText(file, MaxKeyBytes);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid?.Value != P256Oid && parameters.Curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new CliProblem(CliProblem.KeyInvalid, $"{file.Name}: the key is not on the P-256 curve.");
            }

            return key;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new CliProblem(CliProblem.KeyInvalid, $"{file.Name}: not a PEM ECDSA P-256 private key (make one with 'checkin payload keygen').");
        }
        catch (CliProblem)
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The PEM text of a public key file (checked by the key ring that takes it).</summary>
    public static string ReadPublicKeyPem(FileInfo file) => ReadText(file, MaxKeyBytes);

    /// <summary>Creates a file that does not exist yet and writes the bytes: never overwrites (an existing file is Cli.FileExists).</summary>
    public static void WriteNewBytes(string path, byte[] bytes)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(bytes);
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            throw new CliProblem(CliProblem.FileExists, $"{Path.GetFileName(path)}: exists; refusing to overwrite it.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliProblem(CliProblem.FileUnreadable, $"{Path.GetFileName(path)}: cannot be written.");
        }
    }

    /// <summary>
    /// Creates a file that does not exist yet and writes the text: never overwrites. With <paramref name="ownerOnly"/>
    /// the file is readable and writable by its owner only (Unix mode 600) from the moment it exists.
    /// </summary>
    public static void WriteNew(string path, string text, bool ownerOnly)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ownerOnly
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(text);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new CliProblem(CliProblem.KeyExists, $"{Path.GetFileName(path)}: exists; refusing to overwrite a key.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliProblem(CliProblem.FileUnreadable, $"{Path.GetFileName(path)}: cannot be written ({exception.GetType().Name}).");
        }
    }

    private static T Guard<T>(FileInfo file, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliProblem(CliProblem.FileMissing, $"{file.Name}: no such file.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliProblem(CliProblem.FileUnreadable, $"{file.Name}: cannot be read ({exception.GetType().Name}).");
        }
    }
}
