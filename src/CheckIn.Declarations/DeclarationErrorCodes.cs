using CheckIn.Core;

namespace CheckIn.Declarations;

/// <summary>
/// The stable error codes of the declaration validators and the JSON reader. Tests and callers compare codes,
/// never message text; <see cref="Describe"/> gives the message in Vietnamese or English.
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
    }

    private static readonly ErrorCatalog Catalog = new(typeof(DeclarationErrorCodes), new Dictionary<string, (string, string)>
    {
        [Text.Required] = ("This field is required", "Trường này bắt buộc"),
        [Text.TooLong] = ("The text is too long", "Nội dung quá dài"),
        [Text.ControlCharacter] = ("The text contains a control character or broken characters", "Nội dung chứa ký tự điều khiển hoặc ký tự lỗi"),
        [Text.NotNormalized] = ("Remove surrounding or repeated spaces", "Bỏ khoảng trắng thừa ở đầu, cuối hoặc giữa các từ"),
        [Text.NotUpperCase] = ("Write the name in upper case", "Viết họ tên bằng chữ in hoa"),
        [Text.HasDiacritics] = ("Write the name without diacritics, as in the passport", "Viết họ tên không dấu, như trong hộ chiếu"),
        [Identity.DocumentNumber] = ("The document number is not a CCCD, CMND or passport number", "Số giấy tờ không phải số CCCD, CMND hoặc hộ chiếu"),
        [Identity.PassportNumber] = ("The passport number is not valid", "Số hộ chiếu không hợp lệ"),
        [Identity.BirthYear] = ("The year of birth is missing or not plausible", "Năm sinh thiếu hoặc không hợp lý"),
        [Identity.BirthYearMismatch] = ("The ID number's birth year differs from the year of birth", "Năm sinh trong số CCCD khác với năm sinh khai báo"),
        [Identity.SexMismatch] = ("The ID number's sex digit differs from the sex", "Mã giới tính trong số CCCD khác với giới tính khai báo"),
        [Identity.Sex] = ("Choose Nam, Nữ or Khác", "Chọn Nam, Nữ hoặc Khác"),
        [Identity.Country] = ("The country is not an ISO 3166-1 alpha-2 code", "Quốc gia không phải mã ISO 3166-1 hai chữ cái"),
        [Contact.Phone] = ("The phone number is not a Vietnamese phone number", "Số điện thoại không phải số điện thoại Việt Nam"),
        [Contact.Email] = ("The e-mail address is not valid", "Địa chỉ email không hợp lệ"),
        [Contact.PhoneOrDocumentRequired] = ("Write a phone number or a document number", "Ghi số điện thoại hoặc số giấy tờ"),
        [Address.Required] = ("The address is required", "Địa chỉ bắt buộc"),
        [Address.Province] = ("The province code was not in force on that date", "Mã tỉnh không có hiệu lực vào ngày đó"),
        [Address.District] = ("The district code is missing or was not in force on that date", "Mã huyện thiếu hoặc không có hiệu lực vào ngày đó"),
        [Address.DistrictAbolished] = ("There are no districts from 1 July 2025", "Từ ngày 1/7/2025 không còn cấp huyện"),
        [Address.DistrictNotInProvince] = ("The district is not in the province", "Huyện không thuộc tỉnh đã chọn"),
        [Address.Commune] = ("The commune code was not in force on that date", "Mã xã không có hiệu lực vào ngày đó"),
        [Address.CommuneNotInArea] = ("The commune is not in the district or province", "Xã không thuộc huyện hoặc tỉnh đã chọn"),
        [Time.Required] = ("The date or time is required", "Ngày giờ bắt buộc"),
        [Time.InFuture] = ("The date or time is in the future", "Ngày giờ ở tương lai"),
        [Time.EndBeforeStart] = ("The end must be after the start", "Thời điểm kết thúc phải sau thời điểm bắt đầu"),
        [Time.TooEarly] = ("The date is too early for this form", "Ngày quá sớm cho biểu mẫu này"),
        [Choice.NotOnForm] = ("This choice is not on the form", "Lựa chọn này không có trong biểu mẫu"),
        [Choice.Duplicate] = ("This value appears twice", "Giá trị bị lặp"),
        [Choice.TooMany] = ("The list is too long", "Danh sách quá dài"),
        [Choice.Required] = ("Choose one of the options", "Chọn một trong các lựa chọn"),
        [Form.Proxy] = ("Give the name, phone and relationship of the person declaring on their behalf", "Ghi họ tên, số điện thoại và quan hệ của người khai hộ"),
        [Form.VehicleNumber] = ("The flight, ship or vehicle number is required", "Số hiệu chuyến bay, tàu hoặc xe bắt buộc"),
        [Form.TestDate] = ("Give the test date, not after arrival", "Ghi ngày xét nghiệm, không sau ngày nhập cảnh"),
        [Form.VenueKind] = ("Choose the kind of venue", "Chọn loại hình địa điểm"),
        [Form.TubeBarcode] = ("The tube barcode is 6 to 32 letters and digits", "Mã ống nghiệm gồm 6 đến 32 chữ cái và chữ số"),
        [Form.NoPersons] = ("A tube needs at least one person", "Ống nghiệm cần ít nhất một người"),
        [Form.ChecklistIncomplete] = ("Check every criterion of the list", "Đánh giá đủ mọi tiêu chí"),
        [Json.Malformed] = ("The document is not valid JSON", "Tài liệu không phải JSON hợp lệ"),
        [Json.TooLarge] = ("The document is too large", "Tài liệu quá lớn"),
        [Json.NotAnObject] = ("The document must be a JSON object", "Tài liệu phải là một đối tượng JSON"),
        [Json.KindMissing] = ("Say which kind of document this is (kind)", "Cho biết loại tài liệu (kind)"),
        [Json.KindUnknown] = ("This kind of document is not known", "Loại tài liệu không được hỗ trợ"),
        [Json.KindMismatch] = ("The document's kind differs from the kind asked for", "Loại tài liệu khác với loại được yêu cầu"),
        [Json.UnknownProperty] = ("This property is not part of the document", "Thuộc tính này không thuộc tài liệu"),
        [Json.InvalidValue] = ("The value has the wrong type or format", "Giá trị sai kiểu hoặc định dạng"),
    });

    /// <summary>Every code defined here, for tools and tests.</summary>
    /// <returns>The codes, in declaration order.</returns>
    public static IReadOnlyList<string> All() => Catalog.Codes;

    /// <summary>Describes a code in the chosen language.</summary>
    /// <param name="code">The code.</param>
    /// <param name="language">The language.</param>
    /// <returns>The message, or the code itself when it is not known.</returns>
    public static string Describe(string code, MessageLanguage language) => Catalog.Describe(code, language);
}
