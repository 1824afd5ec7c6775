using CheckIn.Core.Identity;

namespace CheckIn.Core.Payloads;

/// <summary>Reads the citizen card QR from prepared text (see <see cref="PayloadText"/>).</summary>
internal static class CitizenCardReader
{
    private const int MaxFields = 11;

    public static Result<CitizenCardPayload> Read(ReadOnlySpan<char> text, int offset, PayloadQuirks quirks, PayloadReaderOptions options)
    {
        var fields = new FieldList(text, stackalloc Range[MaxFields], '|', offset);
        var count = fields.Count;
        if (count is not ((int)CitizenCardLayout.ChipCard2021 or (int)CitizenCardLayout.IdentityCard2024))
        {
            return Fail(CoreErrorCodes.CitizenCard.FieldCount, CheckInError.None, offset);
        }

        var idField = fields[0];
        if (!CitizenId.TryParse(idField, out var id))
        {
            return Fail(CoreErrorCodes.CitizenCard.IdNumber, 0, fields.Start(0));
        }

        LegacyIdNumber? oldId = null;
        var oldField = fields[1];
        if (!oldField.IsEmpty)
        {
            if (!LegacyIdNumber.TryParse(oldField, out var parsedOld))
            {
                return Fail(CoreErrorCodes.CitizenCard.OldIdNumber, 1, fields.Start(1));
            }

            oldId = parsedOld;
        }

        var nameField = fields[2];
        if (nameField.Trim().IsEmpty)
        {
            return Fail(CoreErrorCodes.CitizenCard.Name, 2, fields.Start(2));
        }

        if (!Fields.TryCompactDate(fields[3], out var dateOfBirth) || !BirthDate.IsAcceptedYear(dateOfBirth.Year))
        {
            return Fail(CoreErrorCodes.CitizenCard.DateOfBirth, 3, fields.Start(3));
        }

        if (!TryReadSex(fields[4], ref quirks, out var sex))
        {
            return Fail(CoreErrorCodes.CitizenCard.Sex, 4, fields.Start(4));
        }

        if (!Fields.TryCompactDate(fields[6], out var issueDate))
        {
            return Fail(CoreErrorCodes.CitizenCard.IssueDate, 6, fields.Start(6));
        }

        if (id.BirthYear != dateOfBirth.Year)
        {
            return Fail(CoreErrorCodes.CitizenCard.IdBirthYearMismatch, 0, fields.Start(0));
        }

        if (id.Sex != sex)
        {
            return Fail(CoreErrorCodes.CitizenCard.IdSexMismatch, 4, fields.Start(4));
        }

        if (issueDate < dateOfBirth)
        {
            return Fail(CoreErrorCodes.CitizenCard.IssueBeforeBirth, 6, fields.Start(6));
        }

        var latest = options.Today.PlusDays(options.FutureToleranceDays);
        if (dateOfBirth > latest)
        {
            return Fail(CoreErrorCodes.CitizenCard.DateInFuture, 3, fields.Start(3));
        }

        if (issueDate > latest)
        {
            return Fail(CoreErrorCodes.CitizenCard.DateInFuture, 6, fields.Start(6));
        }

        var name = Fields.CleanText(nameField, ref quirks);
        var address = Fields.CleanText(fields[5], ref quirks);
        var extras = count == MaxFields
            ? new EquatableArray<string>([fields[7].ToString(), fields[8].ToString(), fields[9].ToString(), fields[10].ToString()])
            : default;
        return Result.Ok(CitizenCardPayload.FromReader(id, oldId, name, dateOfBirth, sex, address, issueDate, extras, quirks));
    }

    /// <summary>
    /// <c>Nam</c> or <c>Nữ</c> in any case and normalization form; the ASCII fold <c>Nu</c>; and the mangled
    /// <c>N?</c>/<c>N�</c> that wedge scanners make of <c>Nữ</c> (the only value with a non-ASCII letter).
    /// </summary>
    private static bool TryReadSex(ReadOnlySpan<char> field, ref PayloadQuirks quirks, out Sex sex)
    {
        sex = Sex.Unspecified;
        var value = field.Trim();
        if (value.Equals("Nam", StringComparison.OrdinalIgnoreCase))
        {
            sex = Sex.Male;
        }
        else if (value.Equals("Nữ", StringComparison.OrdinalIgnoreCase)
            || value.Equals("Nu\u031B\u0303", StringComparison.OrdinalIgnoreCase)
            || value.Equals("Nu", StringComparison.OrdinalIgnoreCase))
        {
            sex = Sex.Female;
        }
        else if (value.Length is 2 or 3 && (value[0] is 'N' or 'n') && (value[1] is '?' or '\uFFFD' || value[1] > 0x7F))
        {
            sex = Sex.Female;
            quirks |= PayloadQuirks.SexInferred;
        }
        else
        {
            return false;
        }

        if (value.Length != field.Length)
        {
            quirks |= PayloadQuirks.SurroundingWhitespace;
        }

        return true;
    }

    private static Result<CitizenCardPayload> Fail(string code, int field, int position) =>
        CoreErrors.Fail<CitizenCardPayload>(code, field, position);
}
