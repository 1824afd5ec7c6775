using System.Text.RegularExpressions;
using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Places;
using CheckIn.Core.Text;
using FluentValidation;
using FluentValidation.Results;
using NodaTime;
using Codes = CheckIn.Declarations.DeclarationErrorCodes;

namespace CheckIn.Declarations;

/// <summary>Rules shared by the declaration validators, each failing with one stable code.</summary>
internal static partial class Rules
{
    public const int NameLength = 100;
    public const int ShortText = 100;
    public const int LongText = 300;

    private static readonly LocalDate EarliestFormDate = new(2020, 1, 1);

    /// <summary>Sets the code (the facade turns it into a <see cref="CheckInError"/>, worded when asked).</summary>
    public static IRuleBuilderOptions<T, TProperty> Code<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string code) =>
        rule.WithErrorCode(code).WithMessage(code);

    /// <summary>Adds a rule that fails with the code <paramref name="problem"/> returns, if any (one failure per value).</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Check<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, string?> problem) =>
        rule.Custom((value, context) =>
        {
            if (problem(value) is { } code)
            {
                context.AddFailure(Failure(context.PropertyPath, code));
            }
        });

    /// <summary>Text: required or optional, no control characters, within the length, trimmed and NFC; names also single-spaced.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ValidText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool required, bool isName = false) =>
        rule.Check(v => TextProblem(v, maxLength, required, isName));

    /// <summary>A person's name; <paramref name="upperCase"/> and <paramref name="noDiacritics"/> as the form requires.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ValidName<T>(this IRuleBuilder<T, string?> rule, bool required, bool upperCase = false, bool noDiacritics = false) =>
        rule.Check(v => TextProblem(v, NameLength, required, isName: true)
            ?? (v is not null && upperCase && v.Any(char.IsLower) ? Codes.Text.NotUpperCase : null)
            ?? (v is not null && noDiacritics && VietnameseText.RemoveDiacritics(v) != v ? Codes.Text.HasDiacritics : null));

    public static IRuleBuilderOptionsConditions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule, bool required, bool mobileOnly = false) =>
        rule.Check(v => Missing(v, required)
            ?? (string.IsNullOrEmpty(v) || (PhoneNumber.TryParse(v, out var phone) && (!mobileOnly || phone.Kind == PhoneKind.Mobile)) ? null : Codes.Contact.Phone));

    public static IRuleBuilderOptionsConditions<T, string?> ValidEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Check(v => TextProblem(v, 254, required: false, isName: false)
            ?? (string.IsNullOrEmpty(v) || EmailPattern().IsMatch(v) ? null : Codes.Contact.Email));

    public static IRuleBuilderOptionsConditions<T, string?> ValidCountry<T>(this IRuleBuilder<T, string?> rule, bool required) =>
        rule.Check(v => Missing(v, required) ?? (string.IsNullOrEmpty(v) || Countries.IsAssigned(v) ? null : Codes.Identity.Country));

    public static IRuleBuilderOptionsConditions<T, string?> ValidDocumentNumber<T>(this IRuleBuilder<T, string?> rule, bool required) =>
        rule.Check(v => Missing(v, required) ?? (string.IsNullOrEmpty(v) || IsDocumentNumber(v) ? null : Codes.Identity.DocumentNumber));

    public static IRuleBuilderOptionsConditions<T, int?> ValidBirthYear<T>(this IRuleBuilder<T, int?> rule, DeclarationRules rules) =>
        rule.Check(v => v is { } year && year >= 1900 && year <= rules.Today.Year ? null : Codes.Identity.BirthYear);

    public static IRuleBuilderOptionsConditions<T, Sex> ValidSex<T>(this IRuleBuilder<T, Sex> rule) =>
        rule.Check(v => v is Sex.Male or Sex.Female or Sex.Other ? null : Codes.Identity.Sex);

    public static IRuleBuilderOptionsConditions<T, Instant?> PastInstant<T>(this IRuleBuilder<T, Instant?> rule, DeclarationRules rules, bool required) =>
        rule.Check(v => v switch
        {
            null => required ? Codes.Time.Required : null,
            { } instant when instant > rules.Latest => Codes.Time.InFuture,
            { } instant when VietnamTime.DateAt(instant) < EarliestFormDate => Codes.Time.TooEarly,
            _ => null,
        });

    public static IRuleBuilderOptionsConditions<T, LocalDate?> PastDate<T>(this IRuleBuilder<T, LocalDate?> rule, DeclarationRules rules, bool required) =>
        rule.Check(v => v switch
        {
            null => required ? Codes.Time.Required : null,
            { } date when date > rules.Today.PlusDays(1) => Codes.Time.InFuture,
            { } date when date < EarliestFormDate => Codes.Time.TooEarly,
            _ => null,
        });

    /// <summary>Each value is one of the allowed, at most once; at most <paramref name="max"/> values.</summary>
    public static void ValidChoices<T, TValue>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, EquatableArray<TValue>>> list, IReadOnlySet<TValue> allowed, int max)
        where TValue : notnull =>
        validator.RuleFor(list).Custom((values, context) =>
        {
            if (values.Count > max)
            {
                context.AddFailure(Failure(context.PropertyPath, Codes.Choice.TooMany));
            }

            var seen = new HashSet<TValue>();
            for (var i = 0; i < values.Count; i++)
            {
                if (!allowed.Contains(values[i]))
                {
                    context.AddFailure(Failure($"{context.PropertyPath}[{i}]", Codes.Choice.NotOnForm));
                }
                else if (!seen.Add(values[i]))
                {
                    context.AddFailure(Failure($"{context.PropertyPath}[{i}]", Codes.Choice.Duplicate));
                }
            }
        });

    /// <summary>
    /// Checks an address against the units in force on <paramref name="date"/>: legacy province, district and
    /// commune before 1 July 2025 (each inside the one above), province and commune from that date.
    /// </summary>
    public static void CheckAddress<T>(ValidationContext<T> context, Address? address, string path, LocalDate date, DeclarationRules rules, bool required, bool streetRequired)
    {
        if (address is null)
        {
            if (required)
            {
                context.AddFailure(Failure(path, Codes.Address.Required));
            }

            return;
        }

        var units = rules.Units;
        var era = AdministrativeUnits.EraOn(date);
        var province = address.ProvinceCode is { } p ? units.FindProvince(p, era) : null;
        if (province is null)
        {
            context.AddFailure(Failure(path + ".provinceCode", Codes.Address.Province));
        }

        AdministrativeUnit? district = null;
        if (era == AdministrativeEra.Legacy)
        {
            district = address.DistrictCode is { } d ? units.FindDistrict(d) : null;
            if (district is null)
            {
                context.AddFailure(Failure(path + ".districtCode", Codes.Address.District));
            }
            else if (province is not null && district.Province != province)
            {
                context.AddFailure(Failure(path + ".districtCode", Codes.Address.DistrictNotInProvince));
            }
        }
        else if (address.DistrictCode is not null)
        {
            context.AddFailure(Failure(path + ".districtCode", Codes.Address.DistrictAbolished));
        }

        var commune = address.CommuneCode is { } c ? units.FindCommune(c, era) : null;
        if (commune is null)
        {
            context.AddFailure(Failure(path + ".communeCode", Codes.Address.Commune));
        }
        else if ((district is not null && commune.Parent != district) || (province is not null && commune.Province != province))
        {
            context.AddFailure(Failure(path + ".communeCode", Codes.Address.CommuneNotInArea));
        }

        if (TextProblem(address.Street, LongText, streetRequired, isName: false) is { } streetProblem)
        {
            context.AddFailure(Failure(path + ".street", streetProblem));
        }
    }

    /// <summary>A 12-digit CCCD number's birth year and sex against the declared ones.</summary>
    public static void CheckIdAgainstPerson<T>(ValidationContext<T> context, string? documentNumber, int? birthYear, Sex sex, string path)
    {
        if (documentNumber is null || !CitizenId.TryParse(documentNumber, out var id))
        {
            return;
        }

        if (birthYear is { } year && year != id.BirthYear)
        {
            context.AddFailure(Failure(path, Codes.Identity.BirthYearMismatch));
        }

        if (!id.IsConsistentWith(sex))
        {
            context.AddFailure(Failure(path, Codes.Identity.SexMismatch));
        }
    }

    public static ValidationFailure Failure(string property, string code) =>
        new(property, code) { ErrorCode = code };

    public static bool IsDocumentNumber(string value) =>
        (value.Length == CitizenId.Length && CitizenId.TryParse(value, out _))
        || (value.Length == LegacyIdNumber.Length && LegacyIdNumber.TryParse(value, out _))
        || PassportNumber.TryParse(value, out _);

    /// <summary>
    /// Invisible format characters (Unicode category Cf): bidirectional overrides and isolates (U+202A–U+202E,
    /// U+2066–U+2069) that make a name or address display as something else, zero-width spaces and joiners, the byte
    /// order mark. No name or address on a Vietnamese form needs one.
    /// </summary>
    public static bool HasFormatCharacter(string value)
    {
        foreach (var c in value)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasControlCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F' || char.IsLowSurrogate(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    private static string? Missing(string? value, bool required) =>
        required && string.IsNullOrWhiteSpace(value) ? Codes.Text.Required : null;

    private static string? TextProblem(string? value, int maxLength, bool required, bool isName) => value switch
    {
        null or "" => required ? Codes.Text.Required : null,
        _ when string.IsNullOrWhiteSpace(value) => required ? Codes.Text.Required : Codes.Text.NotNormalized,
        _ when HasControlCharacter(value) => Codes.Text.ControlCharacter,
        _ when HasFormatCharacter(value) => Codes.Text.FormatCharacter,
        _ when value.Length > maxLength => Codes.Text.TooLong,
        _ when !IsNormalized(value, isName) => Codes.Text.NotNormalized,
        _ => null,
    };

    private static bool IsNormalized(string value, bool isName) =>
        value.Length == value.AsSpan().Trim().Length
        && (!isName || VietnameseText.CollapseWhitespace(value) == value)
        && VietnameseText.IsNfc(value);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
