using System.Globalization;
using NodaTime;

namespace CheckIn.Core.Payloads.Dcc;

/// <summary>Which of the three certificates a DCC is: it holds exactly one entry of one group (<c>v</c>, <c>t</c> or <c>r</c>).</summary>
public enum DccCertificateType
{
    /// <summary>A vaccination certificate (group <c>v</c>).</summary>
    Vaccination = 1,

    /// <summary>A test certificate (group <c>t</c>).</summary>
    Test = 2,

    /// <summary>A recovery certificate (group <c>r</c>).</summary>
    Recovery = 3,
}

/// <summary>The signature algorithms the DCC specification allows: ES256 first, PS256 second.</summary>
public enum DccSignatureAlgorithm
{
    /// <summary>ECDSA on P-256 with SHA-256 (COSE algorithm -7).</summary>
    ES256 = -7,

    /// <summary>RSASSA-PSS with SHA-256 (COSE algorithm -37).</summary>
    PS256 = -37,
}

/// <summary>How much of a date of birth a DCC gives (schema 1.3.0 allows a year, a year and month, or a whole date).</summary>
public enum DccDatePrecision
{
    /// <summary>The year only (<c>1979</c>).</summary>
    Year = 1,

    /// <summary>The year and month (<c>1979-04</c>).</summary>
    Month = 2,

    /// <summary>The whole date (<c>1979-04-14</c>).</summary>
    Day = 3,
}

/// <summary>A DCC date of birth in the precision it was written with (member <c>dob</c>).</summary>
/// <param name="Year">The year, 1900 to 2099.</param>
/// <param name="Month">The month 1 to 12, or null at year precision.</param>
/// <param name="Day">The day of the month, or null below day precision.</param>
public readonly record struct DccDateOfBirth(int Year, int? Month, int? Day)
{
    /// <summary>How much of the date is known.</summary>
    public DccDatePrecision Precision => Day is not null ? DccDatePrecision.Day : Month is not null ? DccDatePrecision.Month : DccDatePrecision.Year;

    /// <summary>The whole date, or null when only the year or month is known.</summary>
    public LocalDate? Date => Month is { } month && Day is { } day ? new LocalDate(Year, month, day) : null;

    /// <summary>Reads <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c> with a year 1900 to 2099 and a real month and day.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The date of birth when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DccDateOfBirth value)
    {
        value = default;
        if (text.Length is not (4 or 7 or 10) || !TryDigits(text[..4], out var year) || year is < 1900 or > 2099)
        {
            return false;
        }

        if (text.Length == 4)
        {
            value = new(year, null, null);
            return true;
        }

        if (text[4] != '-' || !TryDigits(text.Slice(5, 2), out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (text.Length == 7)
        {
            value = new(year, month, null);
            return true;
        }

        if (text[7] != '-' || !TryDigits(text.Slice(8, 2), out var day) || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        value = new(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Writes the date in its precision: <c>1979-04-14</c>, <c>1979-04</c> or <c>1979</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Precision switch
    {
        DccDatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DccDatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}

/// <summary>The holder's name as a DCC gives it (member <c>nam</c>): as written, and transliterated to ICAO 9303 (<c>A</c>–<c>Z</c> and <c>&lt;</c>).</summary>
/// <param name="FamilyName">The family name as written (<c>fn</c>), or null.</param>
/// <param name="FamilyNameTransliterated">The family name transliterated (<c>fnt</c>), or null.</param>
/// <param name="GivenName">The given name as written (<c>gn</c>), or null.</param>
/// <param name="GivenNameTransliterated">The given name transliterated (<c>gnt</c>), or null.</param>
/// <remarks>Schema 1.3.2 requires one of the transliterated names. <see cref="ToString"/> masks every part.</remarks>
public sealed record DccName(string? FamilyName, string? FamilyNameTransliterated, string? GivenName, string? GivenNameTransliterated)
{
    /// <summary>The name to show: family name then given name as written, else transliterated (Vietnamese order).</summary>
    public string FullName => string.Join(' ', new[] { FamilyName ?? Untransliterate(FamilyNameTransliterated), GivenName ?? Untransliterate(GivenNameTransliterated) }
        .Where(part => !string.IsNullOrEmpty(part)));

    private static string? Untransliterate(string? name) => name?.Replace('<', ' ');

    /// <summary>The masked name: initials only.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Redaction.MaskName(FullName);
}

/// <summary>The one entry of a DCC: what every group shares (targeted disease, country, issuer, certificate identifier).</summary>
public abstract record DccEntry
{
    private protected DccEntry(string disease, string country, string certificateIssuer, string certificateId)
    {
        Disease = disease;
        Country = country;
        CertificateIssuer = certificateIssuer;
        CertificateId = certificateId;
    }

    /// <summary>Which group the entry is from.</summary>
    public abstract DccCertificateType Type { get; }

    /// <summary>The disease or agent targeted (<c>tg</c>), a value-set code: <c>840539006</c> is COVID-19.</summary>
    public string Disease { get; }

    /// <summary>The country of vaccination or test (<c>co</c>), ISO 3166 alpha-2 where possible: <c>VN</c>.</summary>
    public string Country { get; }

    /// <summary>The certificate issuer (<c>is</c>), e.g. <c>Ministry of Health of Viet Nam</c>.</summary>
    public string CertificateIssuer { get; }

    /// <summary>The unique certificate identifier (<c>ci</c>), a UVCI; read it with <see cref="Uvci.TryParse"/>.</summary>
    public string CertificateId { get; }
}

/// <summary>A vaccination entry (group <c>v</c>).</summary>
public sealed record DccVaccination : DccEntry
{
    /// <summary>Creates a vaccination entry.</summary>
    /// <param name="disease">The targeted disease (<c>tg</c>).</param>
    /// <param name="vaccineType">The vaccine or prophylaxis (<c>vp</c>), e.g. <c>1119349007</c> (an mRNA vaccine).</param>
    /// <param name="product">The medicinal product (<c>mp</c>), e.g. <c>EU/1/20/1528</c> (Comirnaty).</param>
    /// <param name="manufacturer">The marketing authorisation holder or manufacturer (<c>ma</c>).</param>
    /// <param name="doseNumber">The dose number (<c>dn</c>), 1 to 9.</param>
    /// <param name="totalDoses">The doses in the series (<c>sd</c>), 1 to 9.</param>
    /// <param name="date">The date of vaccination (<c>dt</c>).</param>
    /// <param name="country">The country of vaccination (<c>co</c>).</param>
    /// <param name="certificateIssuer">The certificate issuer (<c>is</c>).</param>
    /// <param name="certificateId">The UVCI (<c>ci</c>).</param>
    public DccVaccination(string disease, string vaccineType, string product, string manufacturer, int doseNumber, int totalDoses, LocalDate date,
        string country, string certificateIssuer, string certificateId)
        : base(disease, country, certificateIssuer, certificateId)
    {
        VaccineType = vaccineType;
        Product = product;
        Manufacturer = manufacturer;
        DoseNumber = doseNumber;
        TotalDoses = totalDoses;
        Date = date;
    }

    /// <inheritdoc/>
    public override DccCertificateType Type => DccCertificateType.Vaccination;

    /// <summary>The vaccine or prophylaxis (<c>vp</c>).</summary>
    public string VaccineType { get; }

    /// <summary>The medicinal product (<c>mp</c>).</summary>
    public string Product { get; }

    /// <summary>The marketing authorisation holder or manufacturer (<c>ma</c>).</summary>
    public string Manufacturer { get; }

    /// <summary>The dose number (<c>dn</c>).</summary>
    public int DoseNumber { get; }

    /// <summary>The doses in the series (<c>sd</c>).</summary>
    public int TotalDoses { get; }

    /// <summary>The date of vaccination (<c>dt</c>).</summary>
    public LocalDate Date { get; }

    /// <summary>True when this dose completes the series (<c>dn</c> ≥ <c>sd</c>; a booster has <c>dn</c> above <c>sd</c>).</summary>
    public bool CompletesSeries => DoseNumber >= TotalDoses;
}

/// <summary>A test entry (group <c>t</c>).</summary>
public sealed record DccTest : DccEntry
{
    /// <summary>The test result code meaning "not detected" (SNOMED CT 260415000).</summary>
    public const string NotDetected = "260415000";

    /// <summary>The test result code meaning "detected" (SNOMED CT 260373001).</summary>
    public const string Detected = "260373001";

    /// <summary>Creates a test entry.</summary>
    /// <param name="disease">The targeted disease (<c>tg</c>).</param>
    /// <param name="testType">The type of test (<c>tt</c>): <c>LP6464-4</c> (NAAT, e.g. RT-PCR) or <c>LP217198-3</c> (rapid antigen).</param>
    /// <param name="testName">The NAAT test name (<c>nm</c>), or null.</param>
    /// <param name="testDevice">The rapid antigen test device identifier (<c>ma</c>), or null.</param>
    /// <param name="sampleCollectedAt">When the sample was collected (<c>sc</c>).</param>
    /// <param name="result">The result (<c>tr</c>): <see cref="NotDetected"/> or <see cref="Detected"/>.</param>
    /// <param name="testingCentre">The testing centre (<c>tc</c>), or null.</param>
    /// <param name="country">The country of the test (<c>co</c>).</param>
    /// <param name="certificateIssuer">The certificate issuer (<c>is</c>).</param>
    /// <param name="certificateId">The UVCI (<c>ci</c>).</param>
    public DccTest(string disease, string testType, string? testName, string? testDevice, Instant sampleCollectedAt, string result, string? testingCentre,
        string country, string certificateIssuer, string certificateId)
        : base(disease, country, certificateIssuer, certificateId)
    {
        TestType = testType;
        TestName = testName;
        TestDevice = testDevice;
        SampleCollectedAt = sampleCollectedAt;
        Result = result;
        TestingCentre = testingCentre;
    }

    /// <inheritdoc/>
    public override DccCertificateType Type => DccCertificateType.Test;

    /// <summary>The type of test (<c>tt</c>).</summary>
    public string TestType { get; }

    /// <summary>The NAAT test name (<c>nm</c>), or null.</summary>
    public string? TestName { get; }

    /// <summary>The rapid antigen test device (<c>ma</c>), or null.</summary>
    public string? TestDevice { get; }

    /// <summary>When the sample was collected (<c>sc</c>).</summary>
    public Instant SampleCollectedAt { get; }

    /// <summary>The result code (<c>tr</c>).</summary>
    public string Result { get; }

    /// <summary>The testing centre (<c>tc</c>), or null.</summary>
    public string? TestingCentre { get; }

    /// <summary>True when the result is "not detected".</summary>
    public bool IsNegative => Result == NotDetected;
}

/// <summary>A recovery entry (group <c>r</c>).</summary>
public sealed record DccRecovery : DccEntry
{
    /// <summary>Creates a recovery entry.</summary>
    /// <param name="disease">The targeted disease (<c>tg</c>).</param>
    /// <param name="firstPositive">The date of the first positive NAAT result (<c>fr</c>).</param>
    /// <param name="country">The country of the test (<c>co</c>).</param>
    /// <param name="certificateIssuer">The certificate issuer (<c>is</c>).</param>
    /// <param name="validFrom">The first day the certificate is valid (<c>df</c>).</param>
    /// <param name="validUntil">The last day the certificate is valid (<c>du</c>), at most 180 days after <paramref name="firstPositive"/>.</param>
    /// <param name="certificateId">The UVCI (<c>ci</c>).</param>
    public DccRecovery(string disease, LocalDate firstPositive, string country, string certificateIssuer, LocalDate validFrom, LocalDate validUntil, string certificateId)
        : base(disease, country, certificateIssuer, certificateId)
    {
        FirstPositive = firstPositive;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
    }

    /// <inheritdoc/>
    public override DccCertificateType Type => DccCertificateType.Recovery;

    /// <summary>The date of the first positive NAAT result (<c>fr</c>).</summary>
    public LocalDate FirstPositive { get; }

    /// <summary>The first day the certificate is valid (<c>df</c>).</summary>
    public LocalDate ValidFrom { get; }

    /// <summary>The last day the certificate is valid (<c>du</c>).</summary>
    public LocalDate ValidUntil { get; }
}

/// <summary>The health certificate a DCC carries (the CWT's claim -260, key 1): schema version, holder and the one entry.</summary>
/// <param name="SchemaVersion">The schema version (<c>ver</c>), e.g. <c>1.3.0</c>.</param>
/// <param name="Name">The holder's name (<c>nam</c>).</param>
/// <param name="DateOfBirth">The holder's date of birth (<c>dob</c>).</param>
/// <param name="Entry">The vaccination, test or recovery entry.</param>
public sealed record DigitalCovidCertificate(string SchemaVersion, DccName Name, DccDateOfBirth DateOfBirth, DccEntry Entry)
{
    /// <summary>Which certificate this is.</summary>
    public DccCertificateType Type => Entry.Type;

    /// <summary>The kind, the masked holder and the entry's country; never personal data in full.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Type} {{ name = {Name}, dateOfBirth = {DateOfBirth.Year}, country = {Entry.Country} }}");
}
