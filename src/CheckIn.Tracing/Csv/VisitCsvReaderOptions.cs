using CheckIn.Core;
using CheckIn.Core.Text;

namespace CheckIn.Tracing.Csv;

/// <summary>How a <see cref="VisitCsvReader"/> treats keys and bad records. Immutable.</summary>
public sealed record VisitCsvReaderOptions
{
    /// <summary>The defaults: canonical keys, stop at the first bad record.</summary>
    public static VisitCsvReaderOptions Default { get; } = new();

    /// <summary>
    /// Whether person and venue keys are read in their canonical spelling (<see cref="IdentifierText.CanonicalizePerson"/>,
    /// <see cref="IdentifierText.Canonicalize"/>), so spellings of one person or venue from different apps join up. A
    /// key with nothing visible left is a bad record. Default true; false compares keys exactly as written.
    /// </summary>
    public bool CanonicalKeys { get; init; } = true;

    /// <summary>
    /// Whether a bad record is skipped (and reported) and reading goes on, rather than ending the read. A header that
    /// is wrong and a quote never closed end the read either way. Default false.
    /// </summary>
    public bool SkipBadRecords { get; init; }

    /// <summary>The most bad records <see cref="VisitCsvSummary.Errors"/> lists (all are counted). Default 10,000.</summary>
    public int MaxReportedErrors { get; init; } = 10_000;

    /// <summary>Checks every option against its range.</summary>
    /// <returns>One coded error per option out of range (<c>VisitCsvReaderOptions.*</c>); empty when valid.</returns>
    public IReadOnlyList<CheckInError> Validate() => new OptionErrors(TracingErrorCodes.Messages)
        .Check(MaxReportedErrors is >= 0 and <= 10_000_000, TracingErrorCodes.CsvOptions.MaxReportedErrors, nameof(MaxReportedErrors))
        .ToList();
}
