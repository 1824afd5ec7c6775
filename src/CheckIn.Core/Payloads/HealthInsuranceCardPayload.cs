using System.Globalization;
using CheckIn.Core.Identity;
using NodaTime;

namespace CheckIn.Core.Payloads;

/// <summary>
/// The QR code on the health-insurance (BHYT) card: <c>|</c>-separated fields ending with <c>$</c>; text
/// fields are hex-encoded UTF-8 and <c>-</c> marks an empty field.
/// </summary>
/// <remarks>
/// <code>
/// 0 card | 1 hex(name) | 2 birth dd/MM/yyyy or yyyy | 3 sex 1/2 | 4 hex(address) or - | 5 clinic PP - FFF |
/// 6 valid from | 7 valid to or - | 8 issued | 9 management code (14 digits) | 10 hex(parent) or - |
/// 11 living area 4–7 | 12 five years from or - | 13 check string | 14 $ (15 fields) or marker | 15 hex(office) | 16 $
/// </code>
/// The check string's algorithm is not public: it is kept opaque and not validated. The management code
/// ends with the social insurance number of the card, which the reader checks.
/// </remarks>
public sealed record HealthInsuranceCardPayload : CheckInPayload
{
    /// <summary>Creates a payload (for writing).</summary>
    /// <param name="cardNumber">The card code or 10-digit number.</param>
    /// <param name="fullName">The holder's name.</param>
    /// <param name="dateOfBirth">The date of birth, possibly year only.</param>
    /// <param name="sex">Male or female.</param>
    /// <param name="address">The address or employer, or null.</param>
    /// <param name="clinic">The registered primary-care facility.</param>
    /// <param name="validFrom">The first day of validity.</param>
    /// <param name="validTo">The last day of validity, or null when open-ended.</param>
    /// <param name="issueDate">The issue date.</param>
    /// <param name="managementCode">14 digits: office code and the social insurance number.</param>
    /// <param name="parentName">A parent's or guardian's name (children's cards), or null.</param>
    /// <param name="livingArea">The living-area code.</param>
    /// <param name="fiveYearsContinuousFrom">When five continuous years of coverage began, or null.</param>
    /// <param name="checkString">The opaque check string, kept as read.</param>
    /// <param name="layoutMarker">Field 14 of the 17-field layout (e.g. <c>4</c>), or null for the 15-field layout.</param>
    /// <param name="issuingOffice">The issuing office of the 17-field layout, or null when empty or in the 15-field layout.</param>
    /// <exception cref="ArgumentException">A value cannot be written or contradicts another.</exception>
    public HealthInsuranceCardPayload(
        HealthInsuranceNumber cardNumber,
        string fullName,
        BirthDate dateOfBirth,
        Sex sex,
        string? address,
        RegisteredClinic clinic,
        LocalDate validFrom,
        LocalDate? validTo,
        LocalDate issueDate,
        string managementCode,
        string? parentName,
        LivingArea livingArea,
        LocalDate? fiveYearsContinuousFrom,
        string checkString,
        string? layoutMarker = null,
        string? issuingOffice = null)
    {
        if (cardNumber.Value.Length == 0)
        {
            throw new ArgumentException("The card number is required.", nameof(cardNumber));
        }

        // Text fields are hex-encoded on the card, so they may hold any character but control characters.
        Fields.RequireFieldText(fullName, nameof(fullName), allowEmpty: false, separator: null);
        RequireOptionalText(address, nameof(address));
        RequireOptionalText(parentName, nameof(parentName));
        RequireOptionalText(issuingOffice, nameof(issuingOffice));
        Fields.RequireVerbatimText(checkString, nameof(checkString));
        if (dateOfBirth.Year == 0)
        {
            throw new ArgumentException("The date of birth is required.", nameof(dateOfBirth));
        }

        if (sex is not (Sex.Male or Sex.Female))
        {
            throw new ArgumentException("The card records 1 (male) or 2 (female).", nameof(sex));
        }

        if (clinic.FacilityCode is null)
        {
            throw new ArgumentException("The registered clinic is required.", nameof(clinic));
        }

        if (!Enum.IsDefined(livingArea))
        {
            throw new ArgumentException("The living area is 4 to 7.", nameof(livingArea));
        }

        ArgumentNullException.ThrowIfNull(managementCode);
        if (managementCode.Length != 14 || !Fields.IsDigits(managementCode))
        {
            throw new ArgumentException("The management code has 14 digits.", nameof(managementCode));
        }

        if (!managementCode.AsSpan(4).SequenceEqual(cardNumber.SocialInsuranceNumber))
        {
            throw new ArgumentException("The management code must end with the card's social insurance number.", nameof(managementCode));
        }

        if (validTo < validFrom)
        {
            throw new ArgumentException("The card must not expire before it becomes valid.", nameof(validTo));
        }

        if (issueDate.Year < dateOfBirth.Year)
        {
            throw new ArgumentException("The card must not be issued before its holder's year of birth.", nameof(issueDate));
        }

        if (layoutMarker is null && issuingOffice is not null)
        {
            throw new ArgumentException("Only the 17-field layout (with a marker) has an issuing office.", nameof(issuingOffice));
        }

        if (layoutMarker is not null)
        {
            Fields.RequireVerbatimText(layoutMarker, nameof(layoutMarker));
            if (layoutMarker.Length == 0 || layoutMarker == "$")
            {
                throw new ArgumentException("The marker must not be empty or '$'.", nameof(layoutMarker));
            }
        }

        CardNumber = cardNumber;
        FullName = fullName;
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Address = address;
        Clinic = clinic;
        ValidFrom = validFrom;
        ValidTo = validTo;
        IssueDate = issueDate;
        ManagementCode = managementCode;
        ParentName = parentName;
        LivingArea = livingArea;
        FiveYearsContinuousFrom = fiveYearsContinuousFrom;
        CheckString = checkString;
        LayoutMarker = layoutMarker;
        IssuingOffice = issuingOffice;
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.HealthInsuranceCard;

    /// <summary>The card code (15 characters) or the 10-digit social insurance number.</summary>
    public HealthInsuranceNumber CardNumber { get; }

    /// <summary>The holder's name, decoded from hex.</summary>
    public string FullName { get; }

    /// <summary>The date of birth; some cards print the year only.</summary>
    public BirthDate DateOfBirth { get; }

    /// <summary>Male or female.</summary>
    public Sex Sex { get; }

    /// <summary>The address or employer, or null when the card has <c>-</c>.</summary>
    public string? Address { get; }

    /// <summary>The registered primary-care facility.</summary>
    public RegisteredClinic Clinic { get; }

    /// <summary>The first day of validity.</summary>
    public LocalDate ValidFrom { get; }

    /// <summary>The last day of validity, or null when the card has <c>-</c>.</summary>
    public LocalDate? ValidTo { get; }

    /// <summary>The issue date.</summary>
    public LocalDate IssueDate { get; }

    /// <summary>The 14-digit management code: 4-digit office code and the 10-digit social insurance number.</summary>
    public string ManagementCode { get; }

    /// <summary>A parent's or guardian's name, or null.</summary>
    public string? ParentName { get; }

    /// <summary>The living-area code.</summary>
    public LivingArea LivingArea { get; }

    /// <summary>When five continuous years of coverage began, or null.</summary>
    public LocalDate? FiveYearsContinuousFrom { get; }

    /// <summary>The check string, opaque (its algorithm is not public), kept exactly as read.</summary>
    public string CheckString { get; }

    /// <summary>Field 14 of the 17-field layout (meaning unknown), or null for the 15-field layout.</summary>
    public string? LayoutMarker { get; }

    /// <summary>The issuing office (17-field layout), or null.</summary>
    public string? IssuingOffice { get; }

    /// <summary>Which layout the payload has.</summary>
    public HealthInsuranceCardLayout Layout => LayoutMarker is null ? HealthInsuranceCardLayout.Fields15 : HealthInsuranceCardLayout.Fields17;

    /// <summary>True when the card is valid on the date (between valid-from and valid-to inclusive).</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when valid.</returns>
    public bool IsValidOn(LocalDate date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);

    /// <summary>Reads the QR text of a health-insurance card.</summary>
    /// <param name="text">The scanned text.</param>
    /// <param name="options">Reading options, or null for the defaults.</param>
    /// <returns>The payload, or an error coded <c>Payload.*</c> or <c>HealthInsuranceCard.*</c>. Never throws.</returns>
    public static Result<HealthInsuranceCardPayload> Read(ReadOnlySpan<char> text, PayloadReaderOptions? options = null) =>
        PayloadText.TryPrepare(text, out var prepared, out var offset, out var quirks, out var error)
            ? HealthInsuranceCardReader.Read(prepared, offset, quirks)
            : Result.Fail<HealthInsuranceCardPayload>(error);

    /// <inheritdoc />
    public override string ToText()
    {
        var fields = new List<string>(17)
        {
            CardNumber.Value,
            Fields.EncodeHexText(FullName),
            DateOfBirth.Date is { } dob ? Fields.SlashDate(dob) : DateOfBirth.Year.ToString("D4", CultureInfo.InvariantCulture),
            Sex == Sex.Male ? "1" : "2",
            Address is null ? "-" : Fields.EncodeHexText(Address),
            Clinic.ToString(),
            Fields.SlashDate(ValidFrom),
            ValidTo is { } to ? Fields.SlashDate(to) : "-",
            Fields.SlashDate(IssueDate),
            ManagementCode,
            ParentName is null ? "-" : Fields.EncodeHexText(ParentName),
            ((int)LivingArea).ToString(CultureInfo.InvariantCulture),
            FiveYearsContinuousFrom is { } five ? Fields.SlashDate(five) : "-",
            CheckString,
        };
        if (LayoutMarker is not null)
        {
            fields.Add(LayoutMarker);
            fields.Add(IssuingOffice is null ? "-" : Fields.EncodeHexText(IssuingOffice));
        }

        fields.Add("$");
        return string.Join('|', fields);
    }

    /// <inheritdoc />
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false) =>
    [
        new("cardNumber", reveal ? CardNumber.Value : CardNumber.ToString()),
        new("fullName", reveal ? FullName : Redaction.MaskName(FullName)),
        new("dateOfBirth", reveal ? DateOfBirth.ToString() : DateOfBirth.Year.ToString(CultureInfo.InvariantCulture)),
        new("sex", Sex.ToString()),
        new("address", Address is null ? null : reveal ? Address : "***"),
        new("clinic", Clinic.ToString()),
        new("validFrom", Fields.IsoDate(ValidFrom)),
        new("validTo", ValidTo is { } to ? Fields.IsoDate(to) : null),
        new("issueDate", Fields.IsoDate(IssueDate)),
        new("managementCode", reveal ? ManagementCode : Redaction.Mask(ManagementCode, 4, 2)),
        new("parentName", ParentName is null ? null : reveal ? ParentName : Redaction.MaskName(ParentName)),
        new("livingArea", LivingArea.ToString()),
        new("fiveYearsContinuousFrom", FiveYearsContinuousFrom is { } five ? Fields.IsoDate(five) : null),
        new("checkString", reveal ? CheckString : Redaction.Mask(CheckString, 0, 0)),
        new("layout", Layout.ToString()),
        new("layoutMarker", LayoutMarker),
        new("issuingOffice", IssuingOffice),
    ];

    private static void RequireOptionalText(string? value, string parameterName)
    {
        if (value is not null)
        {
            Fields.RequireFieldText(value, parameterName, allowEmpty: false, separator: null);
        }
    }
}
