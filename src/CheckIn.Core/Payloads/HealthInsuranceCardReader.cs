using CheckIn.Core.Identity;
using NodaTime;

namespace CheckIn.Core.Payloads;

/// <summary>Reads the health-insurance card QR from prepared text.</summary>
internal static class HealthInsuranceCardReader
{
    private const int MaxFields = 17;

    public static Result<HealthInsuranceCardPayload> Read(ReadOnlySpan<char> text, int offset, PayloadQuirks quirks)
    {
        var fields = new FieldList(text, stackalloc Range[MaxFields], '|', offset);
        var count = fields.Count;
        if (count is not ((int)HealthInsuranceCardLayout.Fields15 or (int)HealthInsuranceCardLayout.Fields17))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.FieldCount, CheckInError.None, offset);
        }

        if (!fields[count - 1].SequenceEqual("$"))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.Terminator, count - 1, fields.Start(count - 1));
        }

        if (!HealthInsuranceNumber.TryParse(fields[0], out var cardNumber))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.CardNumber, 0, fields.Start(0));
        }

        if (fields[1].Trim().IsEmpty || fields[1].SequenceEqual("-"))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.Name, 1, fields.Start(1));
        }

        if (!TryBirthDate(fields[2], out var dateOfBirth))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.DateOfBirth, 2, fields.Start(2));
        }

        var sexField = fields[3];
        if (!(sexField.SequenceEqual("1") || sexField.SequenceEqual("2")))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.Sex, 3, fields.Start(3));
        }

        if (!RegisteredClinic.TryRead(fields[5], out var clinic, out var clinicVariant))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.Clinic, 5, fields.Start(5));
        }

        if (!TryDate(fields[6], ref quirks, out var validFrom))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.ValidFrom, 6, fields.Start(6));
        }

        LocalDate? validTo = null;
        if (!IsDash(fields[7]))
        {
            if (!TryDate(fields[7], ref quirks, out var to))
            {
                return Fail(CoreErrorCodes.HealthInsuranceCard.ValidTo, 7, fields.Start(7));
            }

            validTo = to;
        }

        if (validTo < validFrom)
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.ValidityPeriod, 7, fields.Start(7));
        }

        if (!TryDate(fields[8], ref quirks, out var issueDate))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.IssueDate, 8, fields.Start(8));
        }

        if (issueDate.Year < dateOfBirth.Year)
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.IssueBeforeBirth, 8, fields.Start(8));
        }

        var management = fields[9];
        if (management.Length != 14 || !Fields.IsDigits(management))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.ManagementCode, 9, fields.Start(9));
        }

        if (!management[4..].SequenceEqual(cardNumber.SocialInsuranceNumber))
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.ManagementCodeMismatch, 9, fields.Start(9));
        }

        var area = fields[11];
        if (area.Length != 1 || area[0] is < '4' or > '7')
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.LivingArea, 11, fields.Start(11));
        }

        LocalDate? fiveYears = null;
        if (!IsDash(fields[12].Trim()))
        {
            if (!TryDate(fields[12], ref quirks, out var five))
            {
                return Fail(CoreErrorCodes.HealthInsuranceCard.FiveYearsFrom, 12, fields.Start(12));
            }

            fiveYears = five;
        }

        if (clinicVariant)
        {
            quirks |= PayloadQuirks.ClinicVariant;
        }

        var name = HexText(fields[1], ref quirks);
        var address = HexText(fields[4], ref quirks);
        var parent = HexText(fields[10], ref quirks);
        string? marker = null;
        string? office = null;
        if (count == (int)HealthInsuranceCardLayout.Fields17)
        {
            marker = fields[14].ToString();
            office = HexText(fields[15], ref quirks);
        }

        if (marker is not null && (marker.Length == 0 || marker == "$"))
        {
            // A '$' or nothing where the 17-field layout has its marker means a malformed card.
            return Fail(CoreErrorCodes.HealthInsuranceCard.FieldCount, CheckInError.None, offset);
        }

        if (name is null)
        {
            return Fail(CoreErrorCodes.HealthInsuranceCard.Name, 1, fields.Start(1));
        }

        return Result.Ok(new HealthInsuranceCardPayload(
            cardNumber,
            name,
            dateOfBirth,
            sexField[0] == '1' ? Sex.Male : Sex.Female,
            address,
            clinic,
            validFrom,
            validTo,
            issueDate,
            management.ToString(),
            parent,
            (LivingArea)(area[0] - '0'),
            fiveYears,
            fields[13].ToString(),
            marker,
            office)
        { Quirks = quirks });
    }

    private static bool IsDash(ReadOnlySpan<char> field) => field.SequenceEqual("-");

    private static bool TryBirthDate(ReadOnlySpan<char> field, out BirthDate dateOfBirth)
    {
        dateOfBirth = default;
        if (field.Length == 4 && Fields.IsDigits(field) && BirthDate.IsAcceptedYear(Fields.Digits(field)))
        {
            dateOfBirth = BirthDate.FromYear(Fields.Digits(field));
            return true;
        }

        return Fields.TrySlashDate(field, out var date) && Fields.TryBirthDate(date, out dateOfBirth);
    }

    private static bool TryDate(ReadOnlySpan<char> field, ref PayloadQuirks quirks, out LocalDate date)
    {
        var trimmed = field.TrimStart(' ');
        if (trimmed.Length != field.Length)
        {
            quirks |= PayloadQuirks.LeadingSpaceInDate;
        }

        return Fields.TrySlashDate(trimmed, out date);
    }

    /// <summary>Hex-decoded text; the raw text (with a quirk) when it is not hex; null for <c>-</c> or empty.</summary>
    private static string? HexText(ReadOnlySpan<char> field, ref PayloadQuirks quirks)
    {
        if (field.IsEmpty || IsDash(field))
        {
            return null;
        }

        if (Fields.TryDecodeHexText(field, out var decoded, out var upperCase))
        {
            if (upperCase)
            {
                quirks |= PayloadQuirks.UpperCaseHex;
            }

            return decoded.Trim().Length == 0 ? null : Fields.CleanText(decoded, ref quirks);
        }

        quirks |= PayloadQuirks.TextFieldNotHex;
        var raw = Fields.CleanText(field, ref quirks);
        return raw.Length == 0 ? null : raw;
    }

    private static Result<HealthInsuranceCardPayload> Fail(string code, int field, int position) =>
        CoreErrors.Fail<HealthInsuranceCardPayload>(code, field, position);
}
