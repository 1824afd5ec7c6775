using CheckIn.Core.Identity;
using CheckIn.Core.Text;

namespace CheckIn.Core.Payloads;

/// <summary>Reads the national personal QR from prepared text.</summary>
internal static class PersonalQrReader
{
    public const int FieldCount = 6;

    public static Result<PersonalQrPayload> Read(ReadOnlySpan<char> text, int offset, PayloadQuirks quirks)
    {
        var fields = new FieldList(text, stackalloc Range[FieldCount], '|', offset);
        if (fields.Count != FieldCount)
        {
            return Fail(CoreErrorCodes.PersonalQr.FieldCount, CheckInError.None, offset);
        }

        if (!IdentityDocument.TryRead(fields[0], out var document))
        {
            return Fail(CoreErrorCodes.PersonalQr.DocumentNumber, 0, fields.Start(0));
        }

        if (fields[1].Trim().IsEmpty)
        {
            return Fail(CoreErrorCodes.PersonalQr.Name, 1, fields.Start(1));
        }

        if (!TryBirthDate(fields[2], out var dateOfBirth))
        {
            return Fail(CoreErrorCodes.PersonalQr.DateOfBirth, 2, fields.Start(2));
        }

        var declaration = fields[3];
        if (declaration.Length != 1 || declaration[0] is not ('0' or '1'))
        {
            return Fail(CoreErrorCodes.PersonalQr.DeclarationType, 3, fields.Start(3));
        }

        var qid = fields[4];
        if (qid.IsEmpty || ContainsWhiteSpace(qid))
        {
            return Fail(CoreErrorCodes.PersonalQr.Qid, 4, fields.Start(4));
        }

        if (document.TryGetCitizenId(out var id) && id.BirthYear != dateOfBirth.Year)
        {
            return Fail(CoreErrorCodes.PersonalQr.IdBirthYearMismatch, 0, fields.Start(0));
        }

        var name = Fields.CleanText(fields[1], ref quirks);
        if (name != VietnameseText.FoldName(name))
        {
            quirks |= PayloadQuirks.NonCanonicalName;
        }

        var ext = fields[5];
        var extensions = ext.IsEmpty ? default : new EquatableArray<string>(ext.ToString().Split('<'));
        return Result.Ok(new PersonalQrPayload(document, name, dateOfBirth, (DeclarationKind)(declaration[0] - '0'), Fields.CleanText(qid, ref quirks), extensions) { Quirks = quirks });
    }

    /// <summary><c>yyyy-MM-dd</c>, or <c>yyyy-**-**</c> when a display masks day and month.</summary>
    private static bool TryBirthDate(ReadOnlySpan<char> field, out BirthDate dateOfBirth)
    {
        dateOfBirth = default;
        if (field.Length == 10 && field[4..].SequenceEqual("-**-**") && Fields.IsDigits(field[..4]))
        {
            var year = Fields.Digits(field[..4]);
            if (!BirthDate.IsAcceptedYear(year))
            {
                return false;
            }

            dateOfBirth = BirthDate.FromYear(year);
            return true;
        }

        return Fields.TryIsoDate(field, out var date) && Fields.TryBirthDate(date, out dateOfBirth);
    }

    internal static bool ContainsWhiteSpace(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Result<PersonalQrPayload> Fail(string code, int field, int position) =>
        CoreErrors.Fail<PersonalQrPayload>(code, field, position);
}
