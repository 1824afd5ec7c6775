using CheckIn.Core;

namespace CheckIn.Declarations;

/// <summary>
/// The stable error codes of the declaration validators and the JSON reader. Tests and callers compare codes,
/// never message text; <see cref="Messages"/> words them in Vietnamese or English.
/// </summary>
public static class DeclarationErrorCodes
{
    /// <summary>Codes of text fields.</summary>
    public static class Text
    {
        /// <summary>A required text is missing or blank.</summary>
        public const string Required = "Text.Required";

        /// <summary>The text is longer than the field allows.</summary>
        public const string TooLong = "Text.TooLong";

        /// <summary>The text contains a control character or broken Unicode.</summary>
        public const string ControlCharacter = "Text.ControlCharacter";

        /// <summary>The text contains an invisible format character: a bidirectional override, a zero-width space or joiner.</summary>
        public const string FormatCharacter = "Text.FormatCharacter";

        /// <summary>The text has surrounding or repeated spaces, or is not in Unicode NFC.</summary>
        public const string NotNormalized = "Text.NotNormalized";

        /// <summary>The name must be written in upper case.</summary>
        public const string NotUpperCase = "Text.NotUpperCase";

        /// <summary>The name must be written without diacritics (as in the passport).</summary>
        public const string HasDiacritics = "Text.HasDiacritics";
    }

    /// <summary>Codes of identity fields.</summary>
    public static class Identity
    {
        /// <summary>The document number is not a CCCD, CMND or passport number.</summary>
        public const string DocumentNumber = "Identity.DocumentNumber";

        /// <summary>The passport number is not a passport number.</summary>
        public const string PassportNumber = "Identity.PassportNumber";

        /// <summary>The year of birth is missing or implausible.</summary>
        public const string BirthYear = "Identity.BirthYear";

        /// <summary>The CCCD number's birth year differs from the year of birth.</summary>
        public const string BirthYearMismatch = "Identity.BirthYearMismatch";

        /// <summary>The CCCD number's sex digit differs from the sex.</summary>
        public const string SexMismatch = "Identity.SexMismatch";

        /// <summary>The sex is missing or not one of Nam, Nữ, Khác.</summary>
        public const string Sex = "Identity.Sex";

        /// <summary>The nationality or country is not an ISO 3166-1 alpha-2 code.</summary>
        public const string Country = "Identity.Country";
    }

    /// <summary>Codes of contact fields.</summary>
    public static class Contact
    {
        /// <summary>The phone number is not a Vietnamese phone number.</summary>
        public const string Phone = "Contact.Phone";

        /// <summary>The e-mail address is not valid.</summary>
        public const string Email = "Contact.Email";

        /// <summary>A phone number or a document number is required.</summary>
        public const string PhoneOrDocumentRequired = "Contact.PhoneOrDocumentRequired";
    }

    /// <summary>Codes of addresses.</summary>
    public static class Address
    {
        /// <summary>The address is missing.</summary>
        public const string Required = "Address.Required";

        /// <summary>The province code was not in force on the date.</summary>
        public const string Province = "Address.Province";

        /// <summary>The district code was not in force on the date, or is missing before 1 July 2025.</summary>
        public const string District = "Address.District";

        /// <summary>A district was given for a date from 1 July 2025, when the district level no longer exists.</summary>
        public const string DistrictAbolished = "Address.DistrictAbolished";

        /// <summary>The district is not in the province.</summary>
        public const string DistrictNotInProvince = "Address.DistrictNotInProvince";

        /// <summary>The commune code was not in force on the date.</summary>
        public const string Commune = "Address.Commune";

        /// <summary>The commune is not in the district or province given.</summary>
        public const string CommuneNotInArea = "Address.CommuneNotInArea";
    }

    /// <summary>Codes of dates and times.</summary>
    public static class Time
    {
        /// <summary>A required date or time is missing.</summary>
        public const string Required = "Time.Required";

        /// <summary>The date or time is in the future (beyond the tolerance).</summary>
        public const string InFuture = "Time.InFuture";

        /// <summary>The end is not after the start.</summary>
        public const string EndBeforeStart = "Time.EndBeforeStart";

        /// <summary>The date lies before anything plausible for the form (before 2020).</summary>
        public const string TooEarly = "Time.TooEarly";
    }

    /// <summary>Codes of lists and choices.</summary>
    public static class Choice
    {
        /// <summary>A value is not one of the form's choices.</summary>
        public const string NotOnForm = "Choice.NotOnForm";

        /// <summary>A value appears twice.</summary>
        public const string Duplicate = "Choice.Duplicate";

        /// <summary>The list has more entries than allowed.</summary>
        public const string TooMany = "Choice.TooMany";

        /// <summary>A required choice is missing.</summary>
        public const string Required = "Choice.Required";
    }

    /// <summary>Codes specific to one form.</summary>
    public static class Form
    {
        /// <summary>The proxy declaring on someone's behalf needs a name, phone and relationship.</summary>
        public const string Proxy = "Form.Proxy";

        /// <summary>A flight, ship or vehicle number is required for this means of travel.</summary>
        public const string VehicleNumber = "Form.VehicleNumber";

        /// <summary>A test date is required when a test result is declared, and not after arrival.</summary>
        public const string TestDate = "Form.TestDate";

        /// <summary>The venue kind is missing.</summary>
        public const string VenueKind = "Form.VenueKind";

        /// <summary>The tube barcode is not 6 to 32 letters and digits.</summary>
        public const string TubeBarcode = "Form.TubeBarcode";

        /// <summary>A tube needs at least one person.</summary>
        public const string NoPersons = "Form.NoPersons";

        /// <summary>The checklist does not list every criterion.</summary>
        public const string ChecklistIncomplete = "Form.ChecklistIncomplete";
    }

    /// <summary>Codes of the JSON reader.</summary>
    public static class Json
    {
        /// <summary>The text is not well-formed JSON.</summary>
        public const string Malformed = "Json.Malformed";

        /// <summary>The document is larger than allowed.</summary>
        public const string TooLarge = "Json.TooLarge";

        /// <summary>The document is not a JSON object.</summary>
        public const string NotAnObject = "Json.NotAnObject";

        /// <summary>Neither the caller nor the document's <c>kind</c> says which kind of document it is.</summary>
        public const string KindMissing = "Json.KindMissing";

        /// <summary>The <c>kind</c> is not one CheckIn knows.</summary>
        public const string KindUnknown = "Json.KindUnknown";

        /// <summary>The document's <c>kind</c> differs from the kind the caller asked for.</summary>
        public const string KindMismatch = "Json.KindMismatch";

        /// <summary>A property is not part of this kind of document.</summary>
        public const string UnknownProperty = "Json.UnknownProperty";

        /// <summary>A property has a value of the wrong type or format.</summary>
        public const string InvalidValue = "Json.InvalidValue";

        /// <summary>A property name appears twice in one object (in any letter case).</summary>
        public const string DuplicateProperty = "Json.DuplicateProperty";
    }

    /// <summary>Codes of <see cref="DeclarationRules"/> out of range (the property names the option).</summary>
    public static class RulesOptions
    {
        /// <summary>The clock is required.</summary>
        public const string Clock = "DeclarationRules.Clock";

        /// <summary>The future tolerance is 0 to 1 day.</summary>
        public const string FutureTolerance = "DeclarationRules.FutureTolerance";

        /// <summary>The administrative units are required.</summary>
        public const string Units = "DeclarationRules.Units";

        /// <summary>The most persons in a pooled sample is 1 to 1,000.</summary>
        public const string MaxPooledPersons = "DeclarationRules.MaxPooledPersons";

        /// <summary>The most entries in a list is 1 to 1,000.</summary>
        public const string MaxListEntries = "DeclarationRules.MaxListEntries";
    }

    /// <summary>The messages of these codes, in Vietnamese and English.</summary>
    public static IErrorMessages Messages { get; } = new ErrorMessages(DeclarationEnglishMessages.Table, DeclarationVietnameseMessages.Table);

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, sorted.</returns>
    public static IReadOnlyList<string> All() => [.. DeclarationEnglishMessages.Table.Keys.Order(StringComparer.Ordinal)];
}
