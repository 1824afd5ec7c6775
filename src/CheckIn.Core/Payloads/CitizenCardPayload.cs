using System.Diagnostics;
using CheckIn.Core.Identity;
using NodaTime;

namespace CheckIn.Core.Payloads;

/// <summary>
/// The QR code on the chip citizen ID card (căn cước công dân, 2021 to June 2024) and on the identity card
/// (căn cước, from 1 July 2024): plain UTF-8, <c>|</c>-separated, no checksum or signature.
/// </summary>
/// <remarks>
/// <code>
/// ID number | old ID number or empty | full name | ddMMyyyy birth | Nam/Nữ | address | ddMMyyyy issue [| 4 more fields]
/// </code>
/// Cards from July 2024 carry 11 fields; the 4 extra fields were empty in every public sample and their
/// order is not confirmed, so they are kept verbatim in <see cref="ExtraFields"/>. The constructor enforces
/// what the reader checks: the ID number's birth year and sex agree with the date of birth and sex, and
/// the card was not issued before the holder's birth.
/// </remarks>
public sealed record CitizenCardPayload : CheckInPayload
{
    /// <summary>The number of extra fields of the 2024 layout.</summary>
    public const int ExtraFieldCount = 4;

    /// <summary>Creates a payload (for writing).</summary>
    /// <param name="idNumber">The 12-digit personal ID number.</param>
    /// <param name="oldIdNumber">The old CMND number, or null.</param>
    /// <param name="fullName">The name as printed, NFC, no <c>|</c>.</param>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="sex">Male or female.</param>
    /// <param name="address">The place of residence, NFC, no <c>|</c> (may be empty).</param>
    /// <param name="issueDate">The issue date.</param>
    /// <param name="extraFields">None for the 2021 layout, or the 4 extra fields of the 2024 layout.</param>
    /// <exception cref="ArgumentException">A value cannot be written or contradicts another.</exception>
    public CitizenCardPayload(
        CitizenId idNumber,
        LegacyIdNumber? oldIdNumber,
        string fullName,
        LocalDate dateOfBirth,
        Sex sex,
        string address,
        LocalDate issueDate,
        EquatableArray<string> extraFields = default)
        : this(Validated(idNumber, fullName, dateOfBirth, sex, address, issueDate, extraFields), idNumber, oldIdNumber, fullName, dateOfBirth, sex, address, issueDate, extraFields)
    {
    }

    /// <summary>For the reader, which has already checked everything the public constructor checks.</summary>
    private CitizenCardPayload(
        bool validated,
        CitizenId idNumber,
        LegacyIdNumber? oldIdNumber,
        string fullName,
        LocalDate dateOfBirth,
        Sex sex,
        string address,
        LocalDate issueDate,
        EquatableArray<string> extraFields)
    {
        Debug.Assert(validated, "Only validated values reach the field assignments.");
        IdNumber = idNumber;
        OldIdNumber = oldIdNumber;
        FullName = fullName;
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Address = address;
        IssueDate = issueDate;
        ExtraFields = extraFields;
    }

    internal static CitizenCardPayload FromReader(CitizenId idNumber, LegacyIdNumber? oldIdNumber, string fullName, LocalDate dateOfBirth, Sex sex, string address, LocalDate issueDate, EquatableArray<string> extraFields, PayloadQuirks quirks) =>
        new(validated: true, idNumber, oldIdNumber, fullName, dateOfBirth, sex, address, issueDate, extraFields) { Quirks = quirks };

    private static bool Validated(CitizenId idNumber, string fullName, LocalDate dateOfBirth, Sex sex, string address, LocalDate issueDate, EquatableArray<string> extraFields)
    {
        Fields.RequireFieldText(fullName, nameof(fullName), allowEmpty: false);
        Fields.RequireFieldText(address, nameof(address), allowEmpty: true);
        if (sex is not (Sex.Male or Sex.Female))
        {
            throw new ArgumentException("The card records Nam or Nữ.", nameof(sex));
        }

        if (extraFields.Count is not (0 or ExtraFieldCount))
        {
            throw new ArgumentException($"The 2024 layout has {ExtraFieldCount} extra fields.", nameof(extraFields));
        }

        foreach (var extra in extraFields)
        {
            // Extra fields are kept verbatim, so only what would break the layout is refused.
            Fields.RequireVerbatimText(extra, nameof(extraFields));
        }

        if (!BirthDate.IsAcceptedYear(dateOfBirth.Year))
        {
            throw new ArgumentException("The year of birth is out of range.", nameof(dateOfBirth));
        }

        if (!idNumber.IsConsistentWith(BirthDate.FromDate(dateOfBirth)))
        {
            throw new ArgumentException("The ID number's birth year differs from the date of birth.", nameof(dateOfBirth));
        }

        if (!idNumber.IsConsistentWith(sex))
        {
            throw new ArgumentException("The ID number's sex digit differs from the sex.", nameof(sex));
        }

        if (issueDate < dateOfBirth)
        {
            throw new ArgumentException("The issue date is before the date of birth.", nameof(issueDate));
        }

        return true;
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.CitizenCard;

    /// <summary>The 12-digit personal ID number.</summary>
    public CitizenId IdNumber { get; }

    /// <summary>The old ID card (CMND) number, or null when the card leaves it empty.</summary>
    public LegacyIdNumber? OldIdNumber { get; }

    /// <summary>The full name as printed, with diacritics, NFC.</summary>
    public string FullName { get; }

    /// <summary>The date of birth.</summary>
    public LocalDate DateOfBirth { get; }

    /// <summary>Male or female.</summary>
    public Sex Sex { get; }

    /// <summary>The place of residence as printed.</summary>
    public string Address { get; }

    /// <summary>The date the card was issued.</summary>
    public LocalDate IssueDate { get; }

    /// <summary>The 4 extra fields of the 2024 layout, verbatim; empty for the 2021 layout.</summary>
    public EquatableArray<string> ExtraFields { get; }

    /// <summary>Which card layout the payload has.</summary>
    public CitizenCardLayout Layout => ExtraFields.Count == 0 ? CitizenCardLayout.ChipCard2021 : CitizenCardLayout.IdentityCard2024;

    /// <summary>Reads the QR text of a citizen card.</summary>
    /// <param name="text">The scanned text.</param>
    /// <param name="options">Reading options (the clock for future-date checks), or null for the defaults.</param>
    /// <returns>The payload, or an error coded <c>Payload.*</c> or <c>CitizenCard.*</c>. Never throws.</returns>
    public static Result<CitizenCardPayload> Read(ReadOnlySpan<char> text, PayloadReaderOptions? options = null) =>
        PayloadText.TryPrepare(text, out var prepared, out var offset, out var quirks, out var error)
            ? CitizenCardReader.Read(prepared, offset, quirks, options ?? PayloadReaderOptions.Default)
            : Result.Fail<CitizenCardPayload>(error);

    /// <inheritdoc />
    public override string ToText()
    {
        Span<char> id = stackalloc char[CitizenId.Length];
        IdNumber.WriteTo(id);
        var fields = new List<string>(11)
        {
            id.ToString(),
            OldIdNumber?.Value ?? string.Empty,
            FullName,
            Fields.CompactDate(DateOfBirth),
            Sex == Sex.Male ? "Nam" : "Nữ",
            Address,
            Fields.CompactDate(IssueDate),
        };
        fields.AddRange(ExtraFields);
        return string.Join('|', fields);
    }

    /// <inheritdoc />
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false) =>
    [
        new("idNumber", reveal ? IdNumber.Value : IdNumber.ToString()),
        new("oldIdNumber", OldIdNumber is { } old ? reveal ? old.Value : old.ToString() : null),
        new("fullName", reveal ? FullName : Redaction.MaskName(FullName)),
        new("dateOfBirth", reveal ? Fields.IsoDate(DateOfBirth) : DateOfBirth.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("sex", Sex.ToString()),
        new("address", reveal ? Address : Address.Length == 0 ? string.Empty : "***"),
        new("issueDate", Fields.IsoDate(IssueDate)),
        new("layout", Layout.ToString()),
        .. ExtraFields.Select((value, i) => new PayloadField("extra" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), reveal || value.Length == 0 ? value : "***")),
    ];
}
