using System.Globalization;
using CheckIn.Core.Identity;
using CheckIn.Core.Text;

namespace CheckIn.Core.Payloads;

/// <summary>
/// The national personal QR code of Decision 1405/QĐ-BTTTT (v1.1, 11 September 2021), one code per person
/// for every app (PC-Covid, Sổ sức khỏe điện tử, Hue-S, VHD):
/// <c>SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT</c>.
/// </summary>
/// <remarks>
/// <para>
/// A display may mask the document number's first 6 characters and the day and month of birth with
/// <c>*</c>; such codes are read and reported masked (<see cref="IsMasked"/>). Names should be upper case
/// without diacritics; other forms are kept as given and flagged <see cref="PayloadQuirks.NonCanonicalName"/>.
/// </para>
/// <para>
/// <c>EXT</c> holds <c>&lt;</c>-separated extension values (a proxy declarer's QID, sex, a health-insurance
/// number, a phone…) whose order is not fixed by any public text, so they are kept as a raw list.
/// </para>
/// </remarks>
public sealed record PersonalQrPayload : CheckInPayload
{
    /// <summary>Creates a payload (for writing).</summary>
    /// <param name="document">The document number (may be masked).</param>
    /// <param name="fullName">The name; the standard wants <see cref="VietnameseText.FoldName"/>'s form.</param>
    /// <param name="dateOfBirth">The date of birth; a year alone is written masked (<c>yyyy-**-**</c>).</param>
    /// <param name="declaration">Who declared.</param>
    /// <param name="qid">The ID issued by the national QR platform.</param>
    /// <param name="extensions">The raw extension values.</param>
    /// <exception cref="ArgumentException">A value cannot be written or contradicts another.</exception>
    public PersonalQrPayload(
        IdentityDocument document,
        string fullName,
        BirthDate dateOfBirth,
        DeclarationKind declaration,
        string qid,
        EquatableArray<string> extensions = default)
    {
        if (document.Number.Length == 0)
        {
            throw new ArgumentException("The document number is required.", nameof(document));
        }

        Fields.RequireFieldText(fullName, nameof(fullName), allowEmpty: false);
        if (dateOfBirth.Year == 0)
        {
            throw new ArgumentException("The date of birth is required.", nameof(dateOfBirth));
        }

        if (!Enum.IsDefined(declaration))
        {
            throw new ArgumentException("The declaration kind is 0 or 1.", nameof(declaration));
        }

        Fields.RequireFieldText(qid, nameof(qid), allowEmpty: false);
        if (PersonalQrReader.ContainsWhiteSpace(qid))
        {
            throw new ArgumentException("The QID must not contain spaces.", nameof(qid));
        }

        if (extensions.Count == 1 && extensions[0].Length == 0)
        {
            // An empty EXT field and a list of one empty value write the same text.
            extensions = default;
        }

        foreach (var value in extensions)
        {
            Fields.RequireVerbatimText(value, nameof(extensions));
            if (value.Contains('<', StringComparison.Ordinal))
            {
                throw new ArgumentException("Extension values must not contain '<'.", nameof(extensions));
            }
        }

        if (document.TryGetCitizenId(out var id) && id.BirthYear != dateOfBirth.Year)
        {
            throw new ArgumentException("The ID number's birth year differs from the date of birth.", nameof(dateOfBirth));
        }

        Document = document;
        FullName = fullName;
        DateOfBirth = dateOfBirth;
        Declaration = declaration;
        Qid = qid;
        Extensions = extensions;
    }

    /// <inheritdoc />
    public override PayloadKind Kind => PayloadKind.PersonalQr;

    /// <summary>The document number (CCCD, CMND or passport), possibly masked.</summary>
    public IdentityDocument Document { get; }

    /// <summary>The name as carried (normally upper case without diacritics).</summary>
    public string FullName { get; }

    /// <summary>The date of birth; year only when the code masks day and month.</summary>
    public BirthDate DateOfBirth { get; }

    /// <summary>Who declared.</summary>
    public DeclarationKind Declaration { get; }

    /// <summary>The ID issued by the national QR platform.</summary>
    public string Qid { get; }

    /// <summary>The <c>&lt;</c>-separated extension values, raw and in order.</summary>
    public EquatableArray<string> Extensions { get; }

    /// <summary>True when the document number or the date of birth is masked.</summary>
    public bool IsMasked => Document.IsMasked || !DateOfBirth.IsFullDate;

    /// <summary>Reads a national personal QR.</summary>
    /// <param name="text">The scanned text.</param>
    /// <param name="options">Reading options, or null for the defaults.</param>
    /// <returns>The payload, or an error coded <c>Payload.*</c> or <c>PersonalQr.*</c>. Never throws.</returns>
    public static Result<PersonalQrPayload> Read(ReadOnlySpan<char> text, PayloadReaderOptions? options = null) =>
        PayloadText.TryPrepare(text, out var prepared, out var offset, out var quirks, out var error)
            ? PersonalQrReader.Read(prepared, offset, quirks)
            : Result.Fail<PersonalQrPayload>(error);

    /// <inheritdoc />
    public override string ToText() =>
        string.Join('|',
            Document.Number,
            FullName,
            DateOfBirth.Date is { } date ? Fields.IsoDate(date) : DateOfBirth.Year.ToString("D4", CultureInfo.InvariantCulture) + "-**-**",
            ((int)Declaration).ToString(CultureInfo.InvariantCulture),
            Qid,
            string.Join('<', Extensions));

    /// <inheritdoc />
    public override IReadOnlyList<PayloadField> GetFields(bool reveal = false) =>
    [
        new("document", reveal ? Document.Number : Document.ToString()),
        new("documentKind", Document.Kind.ToString()),
        new("fullName", reveal ? FullName : Redaction.MaskName(FullName)),
        new("dateOfBirth", reveal ? DateOfBirth.ToString() : DateOfBirth.Year.ToString(CultureInfo.InvariantCulture)),
        new("declaration", Declaration.ToString()),
        new("qid", reveal ? Qid : Redaction.Mask(Qid, 2, 2)),
        new("masked", IsMasked ? "true" : "false"),
        .. Extensions.Select((value, i) => new PayloadField("ext" + (i + 1).ToString(CultureInfo.InvariantCulture), reveal ? value : Redaction.Mask(value, 2, 2))),
    ];
}
