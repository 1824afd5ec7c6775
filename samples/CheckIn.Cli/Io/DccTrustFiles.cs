using CheckIn.Core;
using CheckIn.Core.Payloads.Dcc;
using NodaTime;
using NodaTime.Text;

namespace CheckIn.Cli.Io;

/// <summary>The options vaccine passports are verified with: <c>--trust-cert</c>, a certificate list, and <c>--at</c>.</summary>
internal static class DccTrustFiles
{
    /// <summary>Reads every certificate of the <c>--trust-cert</c> files and of a certificate list; null when none was given.</summary>
    public static DccTrustList? Read(IEnumerable<FileInfo> certificateFiles, FileInfo? listFile, byte[]? listBytes = null)
    {
        var certificates = new List<DccTrustedCertificate>();
        if (listFile is not null)
        {
            var list = DccTrustList.Read(listBytes ?? CliFiles.ReadBytes(listFile, DccTrustList.MaxLength));
            if (!list.TryGetValue(out var read))
            {
                throw new CliProblem(CliProblem.KeyInvalid,
                    $"{listFile.Name}: {list.Error.Code} {list.Error.GetMessage(MessageLanguage.English)} ({list.Error.DescribeLocation(MessageLanguage.English)}).");
            }

            certificates.AddRange(read.Certificates);
        }

        foreach (var file in certificateFiles)
        {
            var read = DccTrustList.ReadPem(CliFiles.ReadText(file));
            if (!read.TryGetValue(out var fromFile))
            {
                throw new CliProblem(CliProblem.KeyInvalid, $"{file.Name}: {read.Error.Code} {read.Error.GetMessage(MessageLanguage.English)}.");
            }

            certificates.AddRange(fromFile.Certificates);
        }

        return certificates.Count == 0 ? null : new DccTrustList(certificates);
    }

    /// <summary>Reads <c>--at</c>: an ISO-8601 instant with its offset; null when not given.</summary>
    public static Instant? At(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? parsed.Value.ToInstant()
            : throw new CliProblem(CliProblem.Usage, "--at must be an ISO-8601 instant with its offset, such as 2022-01-15T08:00:00Z.");
    }

    /// <summary>A clock stopped at one instant.</summary>
    public sealed class FixedClock(Instant instant) : IClock
    {
        public Instant GetCurrentInstant() => instant;
    }
}
