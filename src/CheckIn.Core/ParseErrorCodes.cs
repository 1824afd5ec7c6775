namespace CheckIn.Core;

/// <summary>
/// The stable error codes of every reader in CheckIn.Core. Codes never change meaning once published;
/// tests and callers compare codes, never message text.
/// </summary>
public static class ParseErrorCodes
{
    /// <summary>Codes about the payload as a whole, before a format is chosen.</summary>
    public static class Payload
    {
        /// <summary>The text is empty.</summary>
        public const string Empty = "Payload.Empty";

        /// <summary>The text is longer than any QR code can hold.</summary>
        public const string TooLong = "Payload.TooLong";

        /// <summary>The text matches no national format.</summary>
        public const string UnknownFormat = "Payload.UnknownFormat";

        /// <summary>The text is a URL of no known check-in service.</summary>
        public const string UnknownUrl = "Payload.UnknownUrl";

        /// <summary>A control character (other than a trailing line break) or a broken UTF-16 surrogate pair appears in the text.</summary>
        public const string InvalidCharacter = "Payload.InvalidCharacter";
    }

    /// <summary>Codes of the 12-digit personal ID number.</summary>
    public static class CitizenId
    {
        /// <summary>Not 12 characters long.</summary>
        public const string Length = "CitizenId.Length";

        /// <summary>A character is not a digit.</summary>
        public const string NotDigits = "CitizenId.NotDigits";
    }

    /// <summary>Codes of the old ID card (CMND) number.</summary>
    public static class LegacyIdNumber
    {
        /// <summary>Not 9 or 12 characters long.</summary>
        public const string Length = "LegacyIdNumber.Length";

        /// <summary>A character is not a digit.</summary>
        public const string NotDigits = "LegacyIdNumber.NotDigits";
    }

    /// <summary>Codes of passport numbers.</summary>
    public static class PassportNumber
    {
        /// <summary>Not 6 to 9 characters long.</summary>
        public const string Length = "PassportNumber.Length";

        /// <summary>A character is not a letter or digit, or there is no digit at all.</summary>
        public const string Character = "PassportNumber.Character";
    }

    /// <summary>Codes of health-insurance numbers.</summary>
    public static class HealthInsuranceNumber
    {
        /// <summary>Neither 15 characters (card code) nor 10 digits.</summary>
        public const string Length = "HealthInsuranceNumber.Length";

        /// <summary>The first two characters are not letters.</summary>
        public const string BeneficiaryCode = "HealthInsuranceNumber.BeneficiaryCode";

        /// <summary>The benefit level is not 1–5.</summary>
        public const string BenefitLevel = "HealthInsuranceNumber.BenefitLevel";

        /// <summary>The province code is not two digits.</summary>
        public const string ProvinceCode = "HealthInsuranceNumber.ProvinceCode";

        /// <summary>The social insurance number is not 10 digits.</summary>
        public const string SocialInsuranceNumber = "HealthInsuranceNumber.SocialInsuranceNumber";
    }

    /// <summary>Codes of phone numbers.</summary>
    public static class PhoneNumber
    {
        /// <summary>Too few or too many digits.</summary>
        public const string Length = "PhoneNumber.Length";

        /// <summary>A character other than digits, a leading +, spaces, dots, dashes or parentheses.</summary>
        public const string Character = "PhoneNumber.Character";

        /// <summary>An international number that is not Vietnamese (+84).</summary>
        public const string CountryCode = "PhoneNumber.CountryCode";

        /// <summary>The right length, but no Vietnamese mobile or fixed-line prefix.</summary>
        public const string UnknownPrefix = "PhoneNumber.UnknownPrefix";
    }

    /// <summary>Codes of the chip citizen ID card / identity card QR.</summary>
    public static class CitizenCard
    {
        /// <summary>Not 7 or 11 fields.</summary>
        public const string FieldCount = "CitizenCard.FieldCount";

        /// <summary>Field 0 is not a 12-digit ID number.</summary>
        public const string IdNumber = "CitizenCard.IdNumber";

        /// <summary>Field 1 is neither empty nor a 9- or 12-digit old ID number.</summary>
        public const string OldIdNumber = "CitizenCard.OldIdNumber";

        /// <summary>Field 2 (the name) is empty.</summary>
        public const string Name = "CitizenCard.Name";

        /// <summary>Field 3 is not a valid <c>ddMMyyyy</c> date of birth.</summary>
        public const string DateOfBirth = "CitizenCard.DateOfBirth";

        /// <summary>Field 4 is not <c>Nam</c> or <c>Nữ</c>.</summary>
        public const string Sex = "CitizenCard.Sex";

        /// <summary>Field 6 is not a valid <c>ddMMyyyy</c> issue date.</summary>
        public const string IssueDate = "CitizenCard.IssueDate";

        /// <summary>The issue date is before the date of birth.</summary>
        public const string IssueBeforeBirth = "CitizenCard.IssueBeforeBirth";

        /// <summary>A date lies in the future.</summary>
        public const string DateInFuture = "CitizenCard.DateInFuture";

        /// <summary>The ID number's birth year differs from the date of birth.</summary>
        public const string IdBirthYearMismatch = "CitizenCard.IdBirthYearMismatch";

        /// <summary>The ID number's sex digit differs from the sex field.</summary>
        public const string IdSexMismatch = "CitizenCard.IdSexMismatch";
    }

    /// <summary>Codes of the health-insurance card (BHYT) QR.</summary>
    public static class HealthInsuranceCard
    {
        /// <summary>Not 15 or 17 fields.</summary>
        public const string FieldCount = "HealthInsuranceCard.FieldCount";

        /// <summary>The last field is not <c>$</c>.</summary>
        public const string Terminator = "HealthInsuranceCard.Terminator";

        /// <summary>Field 0 is not a card code or 10-digit number.</summary>
        public const string CardNumber = "HealthInsuranceCard.CardNumber";

        /// <summary>Field 1 (the name) is empty.</summary>
        public const string Name = "HealthInsuranceCard.Name";

        /// <summary>Field 2 is neither <c>dd/MM/yyyy</c> nor <c>yyyy</c>.</summary>
        public const string DateOfBirth = "HealthInsuranceCard.DateOfBirth";

        /// <summary>Field 3 is not <c>1</c> or <c>2</c>.</summary>
        public const string Sex = "HealthInsuranceCard.Sex";

        /// <summary>Field 5 is not a registered clinic <c>PP - FFF</c>.</summary>
        public const string Clinic = "HealthInsuranceCard.Clinic";

        /// <summary>Field 6 is not a valid <c>dd/MM/yyyy</c> date.</summary>
        public const string ValidFrom = "HealthInsuranceCard.ValidFrom";

        /// <summary>Field 7 is neither a valid date nor <c>-</c>.</summary>
        public const string ValidTo = "HealthInsuranceCard.ValidTo";

        /// <summary>The card expires before it becomes valid.</summary>
        public const string ValidityPeriod = "HealthInsuranceCard.ValidityPeriod";

        /// <summary>Field 8 is not a valid <c>dd/MM/yyyy</c> date.</summary>
        public const string IssueDate = "HealthInsuranceCard.IssueDate";

        /// <summary>The card was issued before the holder's year of birth.</summary>
        public const string IssueBeforeBirth = "HealthInsuranceCard.IssueBeforeBirth";

        /// <summary>Field 9 is not 14 digits.</summary>
        public const string ManagementCode = "HealthInsuranceCard.ManagementCode";

        /// <summary>The management code does not end with the card's social insurance number.</summary>
        public const string ManagementCodeMismatch = "HealthInsuranceCard.ManagementCodeMismatch";

        /// <summary>Field 11 is not a living-area code 4–7.</summary>
        public const string LivingArea = "HealthInsuranceCard.LivingArea";

        /// <summary>Field 12 is neither a valid date nor <c>-</c>.</summary>
        public const string FiveYearsFrom = "HealthInsuranceCard.FiveYearsFrom";
    }

    /// <summary>Codes of the national personal QR (Decision 1405/QĐ-BTTTT).</summary>
    public static class PersonalQr
    {
        /// <summary>Not 6 fields.</summary>
        public const string FieldCount = "PersonalQr.FieldCount";

        /// <summary>Field 0 is not a CMND, CCCD or passport number (masked or not).</summary>
        public const string DocumentNumber = "PersonalQr.DocumentNumber";

        /// <summary>Field 1 (the name) is empty.</summary>
        public const string Name = "PersonalQr.Name";

        /// <summary>Field 2 is not <c>yyyy-MM-dd</c> or <c>yyyy-**-**</c>.</summary>
        public const string DateOfBirth = "PersonalQr.DateOfBirth";

        /// <summary>Field 3 is not <c>0</c> or <c>1</c>.</summary>
        public const string DeclarationType = "PersonalQr.DeclarationType";

        /// <summary>Field 4 (the platform QID) is empty or contains spaces.</summary>
        public const string Qid = "PersonalQr.Qid";

        /// <summary>The CCCD number's birth year differs from the date of birth.</summary>
        public const string IdBirthYearMismatch = "PersonalQr.IdBirthYearMismatch";
    }

    /// <summary>Codes of the tokhaiyte.vn venue URL.</summary>
    public static class TokhaiyteVenue
    {
        /// <summary>The path is not the site root.</summary>
        public const string Path = "TokhaiyteVenue.Path";

        /// <summary>The <c>page</c> parameter is missing or not <c>Group.checkin</c>.</summary>
        public const string Page = "TokhaiyteVenue.Page";

        /// <summary>The <c>groupId</c> parameter is missing or not 24 hex digits.</summary>
        public const string GroupId = "TokhaiyteVenue.GroupId";
    }

    /// <summary>Codes of CheckIn's own signed payloads.</summary>
    public static class SignedPayload
    {
        /// <summary>The URL does not start with an accepted base.</summary>
        public const string UnexpectedBase = "SignedPayload.UnexpectedBase";

        /// <summary>The body is not valid Base32.</summary>
        public const string Encoding = "SignedPayload.Encoding";

        /// <summary>The body has the wrong length.</summary>
        public const string Length = "SignedPayload.Length";

        /// <summary>The format version is not supported.</summary>
        public const string Version = "SignedPayload.Version";

        /// <summary>The subject kind is neither venue nor person.</summary>
        public const string SubjectKind = "SignedPayload.SubjectKind";

        /// <summary>A field holds a value the format does not allow (province, venue kind, reserved byte).</summary>
        public const string FieldValue = "SignedPayload.FieldValue";

        /// <summary>No verification key is known for the key id.</summary>
        public const string UnknownKey = "SignedPayload.UnknownKey";

        /// <summary>The signature does not verify.</summary>
        public const string BadSignature = "SignedPayload.BadSignature";
    }

    /// <summary>Codes of image files.</summary>
    public static class Image
    {
        /// <summary>The file is empty.</summary>
        public const string Empty = "Image.Empty";

        /// <summary>The file is neither PNG nor PGM/PPM.</summary>
        public const string UnknownFormat = "Image.UnknownFormat";

        /// <summary>The image has more pixels than allowed (a decompression bomb, or simply too large).</summary>
        public const string TooLarge = "Image.TooLarge";
    }

    /// <summary>Codes of PNG files.</summary>
    public static class Png
    {
        /// <summary>A chunk is truncated, or a critical chunk is unknown.</summary>
        public const string Chunk = "Png.Chunk";

        /// <summary>A chunk's CRC does not match its contents.</summary>
        public const string Crc = "Png.Crc";

        /// <summary>The IHDR header is missing, repeated or holds values PNG does not allow.</summary>
        public const string Header = "Png.Header";

        /// <summary>The palette is missing or malformed.</summary>
        public const string Palette = "Png.Palette";

        /// <summary>The image data does not decompress to the size the header announces, or uses an unknown filter.</summary>
        public const string Data = "Png.Data";
    }

    /// <summary>Codes of PGM/PPM files.</summary>
    public static class Pnm
    {
        /// <summary>The header (magic number, width, height, maximum value) is malformed.</summary>
        public const string Header = "Pnm.Header";

        /// <summary>The pixel data is truncated or out of range.</summary>
        public const string Data = "Pnm.Data";
    }

    /// <summary>Codes of QR symbols read from images.</summary>
    public static class Qr
    {
        /// <summary>Structured append: not every symbol of the message is there (or one is there twice).</summary>
        public const string StructuredAppendIncomplete = "Qr.StructuredAppendIncomplete";

        /// <summary>Structured append: the symbols disagree on the count or parity, or one is not part of a sequence.</summary>
        public const string StructuredAppendMismatch = "Qr.StructuredAppendMismatch";
    }

    /// <summary>Codes of printing QR symbols, posters and cards.</summary>
    public static class QrPrint
    {
        /// <summary>At the requested size the symbol's modules would be smaller than the scanning-distance rule allows.</summary>
        public const string ModuleTooSmall = "QrPrint.ModuleTooSmall";

        /// <summary>At the requested resolution, whole-dot modules would make the symbol more than 25% larger than asked.</summary>
        public const string ResolutionTooLow = "QrPrint.ResolutionTooLow";

        /// <summary>A text does not fit its place even at the smallest allowed size (field index: which text).</summary>
        public const string TextTooLong = "QrPrint.TextTooLong";

        /// <summary>A text has a character the PNG font cannot draw (field index: which text; position: where).</summary>
        public const string UnsupportedCharacter = "QrPrint.UnsupportedCharacter";

        /// <summary>The code and text do not fit on the largest page the layout uses.</summary>
        public const string TooLargeForPage = "QrPrint.TooLargeForPage";
    }

    private static readonly ErrorCatalog Catalog = new(typeof(ParseErrorCodes), new Dictionary<string, (string, string)>
    {
        [Payload.Empty] = ("The payload is empty", "Dữ liệu trống"),
        [Payload.TooLong] = ("The payload is longer than a QR code can hold", "Dữ liệu dài hơn sức chứa của mã QR"),
        [Payload.UnknownFormat] = ("The payload matches no known national QR format", "Dữ liệu không khớp định dạng mã QR quốc gia nào"),
        [Payload.UnknownUrl] = ("The URL belongs to no known check-in service", "Địa chỉ URL không thuộc dịch vụ khai báo nào đã biết"),
        [Payload.InvalidCharacter] = ("The payload contains a control character or broken text", "Dữ liệu chứa ký tự điều khiển hoặc ký tự lỗi"),
        [CitizenId.Length] = ("An ID number has 12 digits", "Số định danh cá nhân phải có 12 chữ số"),
        [CitizenId.NotDigits] = ("An ID number has only digits", "Số định danh cá nhân chỉ gồm chữ số"),
        [LegacyIdNumber.Length] = ("An old ID card number has 9 or 12 digits", "Số CMND phải có 9 hoặc 12 chữ số"),
        [LegacyIdNumber.NotDigits] = ("An old ID card number has only digits", "Số CMND chỉ gồm chữ số"),
        [PassportNumber.Length] = ("A passport number has 6 to 9 characters", "Số hộ chiếu phải có từ 6 đến 9 ký tự"),
        [PassportNumber.Character] = ("A passport number has only letters and digits, with at least one digit", "Số hộ chiếu chỉ gồm chữ cái và chữ số, có ít nhất một chữ số"),
        [HealthInsuranceNumber.Length] = ("A health-insurance number has 15 characters or 10 digits", "Mã thẻ BHYT phải có 15 ký tự hoặc 10 chữ số"),
        [HealthInsuranceNumber.BeneficiaryCode] = ("The beneficiary code is two letters", "Mã đối tượng phải là hai chữ cái"),
        [HealthInsuranceNumber.BenefitLevel] = ("The benefit level is 1 to 5", "Mức hưởng phải từ 1 đến 5"),
        [HealthInsuranceNumber.ProvinceCode] = ("The province code is two digits", "Mã tỉnh phải là hai chữ số"),
        [HealthInsuranceNumber.SocialInsuranceNumber] = ("The social insurance number is 10 digits", "Mã số BHXH phải có 10 chữ số"),
        [PhoneNumber.Length] = ("The phone number has too few or too many digits", "Số điện thoại có quá ít hoặc quá nhiều chữ số"),
        [PhoneNumber.Character] = ("The phone number contains a character that is not allowed", "Số điện thoại chứa ký tự không hợp lệ"),
        [PhoneNumber.CountryCode] = ("The phone number is not Vietnamese (+84)", "Số điện thoại không phải của Việt Nam (+84)"),
        [PhoneNumber.UnknownPrefix] = ("The phone number has no Vietnamese mobile or landline prefix", "Số điện thoại không có đầu số di động hoặc cố định của Việt Nam"),
        [CitizenCard.FieldCount] = ("An ID card QR has 7 or 11 fields", "Mã QR CCCD phải có 7 hoặc 11 trường"),
        [CitizenCard.IdNumber] = ("The ID number is not 12 digits", "Số CCCD không phải 12 chữ số"),
        [CitizenCard.OldIdNumber] = ("The old ID number is not empty, 9 or 12 digits", "Số CMND cũ không trống và không phải 9 hoặc 12 chữ số"),
        [CitizenCard.Name] = ("The name is empty", "Họ tên trống"),
        [CitizenCard.DateOfBirth] = ("The date of birth is not a valid ddMMyyyy date", "Ngày sinh không phải ngày hợp lệ dạng ddMMyyyy"),
        [CitizenCard.Sex] = ("The sex is not Nam or Nữ", "Giới tính không phải Nam hoặc Nữ"),
        [CitizenCard.IssueDate] = ("The issue date is not a valid ddMMyyyy date", "Ngày cấp không phải ngày hợp lệ dạng ddMMyyyy"),
        [CitizenCard.IssueBeforeBirth] = ("The issue date is before the date of birth", "Ngày cấp trước ngày sinh"),
        [CitizenCard.DateInFuture] = ("The date is in the future", "Ngày ở tương lai"),
        [CitizenCard.IdBirthYearMismatch] = ("The ID number's birth year differs from the date of birth", "Năm sinh trong số CCCD khác với ngày sinh"),
        [CitizenCard.IdSexMismatch] = ("The ID number's sex digit differs from the sex", "Mã giới tính trong số CCCD khác với giới tính"),
        [HealthInsuranceCard.FieldCount] = ("A health-insurance card QR has 15 or 17 fields", "Mã QR thẻ BHYT phải có 15 hoặc 17 trường"),
        [HealthInsuranceCard.Terminator] = ("A health-insurance card QR ends with the field $", "Mã QR thẻ BHYT phải kết thúc bằng trường $"),
        [HealthInsuranceCard.CardNumber] = ("The card number is not a health-insurance number", "Mã thẻ không phải mã BHYT hợp lệ"),
        [HealthInsuranceCard.Name] = ("The name is empty", "Họ tên trống"),
        [HealthInsuranceCard.DateOfBirth] = ("The date of birth is neither dd/MM/yyyy nor yyyy", "Ngày sinh không phải dạng dd/MM/yyyy hoặc yyyy"),
        [HealthInsuranceCard.Sex] = ("The sex is not 1 or 2", "Giới tính không phải 1 hoặc 2"),
        [HealthInsuranceCard.Clinic] = ("The registered clinic is not PP - FFF", "Nơi đăng ký KCB ban đầu không phải dạng PP - FFF"),
        [HealthInsuranceCard.ValidFrom] = ("The valid-from date is not a valid dd/MM/yyyy date", "Ngày bắt đầu hiệu lực không hợp lệ"),
        [HealthInsuranceCard.ValidTo] = ("The valid-to date is neither a valid date nor -", "Ngày hết hạn không hợp lệ"),
        [HealthInsuranceCard.ValidityPeriod] = ("The card expires before it becomes valid", "Thẻ hết hạn trước ngày có hiệu lực"),
        [HealthInsuranceCard.IssueDate] = ("The issue date is not a valid dd/MM/yyyy date", "Ngày cấp không hợp lệ"),
        [HealthInsuranceCard.IssueBeforeBirth] = ("The card was issued before its holder was born", "Thẻ được cấp trước năm sinh của người có thẻ"),
        [HealthInsuranceCard.ManagementCode] = ("The management code is not 14 digits", "Mã quản lý không phải 14 chữ số"),
        [HealthInsuranceCard.ManagementCodeMismatch] = ("The management code does not end with the card's social insurance number", "Mã quản lý không kết thúc bằng mã số BHXH của thẻ"),
        [HealthInsuranceCard.LivingArea] = ("The living-area code is not 4 to 7", "Mã nơi sinh sống không phải từ 4 đến 7"),
        [HealthInsuranceCard.FiveYearsFrom] = ("The five-years-continuous date is neither a valid date nor -", "Ngày đủ 5 năm liên tục không hợp lệ"),
        [PersonalQr.FieldCount] = ("A personal QR has 6 fields", "Mã QR cá nhân phải có 6 trường"),
        [PersonalQr.DocumentNumber] = ("The document number is not a CMND, CCCD or passport number", "Số giấy tờ không phải số CMND, CCCD hoặc hộ chiếu"),
        [PersonalQr.Name] = ("The name is empty", "Họ tên trống"),
        [PersonalQr.DateOfBirth] = ("The date of birth is not yyyy-MM-dd", "Ngày sinh không phải dạng yyyy-MM-dd"),
        [PersonalQr.DeclarationType] = ("The declaration type is not 0 or 1", "Loại định danh không phải 0 hoặc 1"),
        [PersonalQr.Qid] = ("The QID is empty or contains spaces", "QID trống hoặc có khoảng trắng"),
        [PersonalQr.IdBirthYearMismatch] = ("The ID number's birth year differs from the date of birth", "Năm sinh trong số CCCD khác với ngày sinh"),
        [TokhaiyteVenue.Path] = ("The tokhaiyte.vn URL has an unexpected path", "Đường dẫn tokhaiyte.vn không đúng"),
        [TokhaiyteVenue.Page] = ("The tokhaiyte.vn URL is not a Group.checkin page", "URL tokhaiyte.vn không phải trang Group.checkin"),
        [TokhaiyteVenue.GroupId] = ("The groupId is missing or not 24 hex digits", "groupId thiếu hoặc không phải 24 ký tự hex"),
        [SignedPayload.UnexpectedBase] = ("The URL does not start with an accepted CheckIn address", "URL không bắt đầu bằng địa chỉ CheckIn được chấp nhận"),
        [SignedPayload.Encoding] = ("The signed body is not valid Base32", "Phần dữ liệu ký không phải Base32 hợp lệ"),
        [SignedPayload.Length] = ("The signed body has the wrong length", "Phần dữ liệu ký có độ dài sai"),
        [SignedPayload.Version] = ("The signed payload's format version is not supported", "Phiên bản định dạng không được hỗ trợ"),
        [SignedPayload.SubjectKind] = ("The signed payload is neither a venue nor a person", "Dữ liệu ký không phải địa điểm hay cá nhân"),
        [SignedPayload.FieldValue] = ("A field of the signed payload holds a value the format does not allow", "Một trường của dữ liệu ký có giá trị không hợp lệ"),
        [SignedPayload.UnknownKey] = ("No verification key is known for this key id", "Không có khóa xác minh cho mã khóa này"),
        [SignedPayload.BadSignature] = ("The signature does not verify", "Chữ ký không hợp lệ"),
        [Image.Empty] = ("The image file is empty", "Tệp ảnh trống"),
        [Image.UnknownFormat] = ("The image is neither PNG nor PGM/PPM", "Ảnh không phải PNG hoặc PGM/PPM"),
        [Image.TooLarge] = ("The image has more pixels than allowed", "Ảnh có nhiều điểm ảnh hơn mức cho phép"),
        [Png.Chunk] = ("A PNG chunk is truncated or unknown", "Một khối PNG bị cắt cụt hoặc không xác định"),
        [Png.Crc] = ("A PNG chunk is corrupted (CRC)", "Một khối PNG bị hỏng (CRC)"),
        [Png.Header] = ("The PNG header is invalid", "Phần đầu PNG không hợp lệ"),
        [Png.Palette] = ("The PNG palette is missing or invalid", "Bảng màu PNG thiếu hoặc không hợp lệ"),
        [Png.Data] = ("The PNG image data is corrupted", "Dữ liệu ảnh PNG bị hỏng"),
        [Pnm.Header] = ("The PGM/PPM header is invalid", "Phần đầu PGM/PPM không hợp lệ"),
        [Pnm.Data] = ("The PGM/PPM pixel data is truncated or invalid", "Dữ liệu điểm ảnh PGM/PPM bị cắt cụt hoặc không hợp lệ"),
        [QrPrint.ModuleTooSmall] = ("At this size the code's modules would be too small to scan from the intended distance", "Ở kích thước này các ô của mã quá nhỏ để quét từ khoảng cách dự kiến"),
        [QrPrint.ResolutionTooLow] = ("The print resolution is too low for this code size", "Độ phân giải in quá thấp cho kích thước mã này"),
        [QrPrint.TextTooLong] = ("A text is too long for its place on the page", "Một đoạn chữ quá dài so với chỗ trên trang"),
        [QrPrint.UnsupportedCharacter] = ("A text has a character that cannot be printed", "Một đoạn chữ có ký tự không in được"),
        [QrPrint.TooLargeForPage] = ("The code and text do not fit on the page", "Mã và chữ không vừa trang in"),
        [Qr.StructuredAppendIncomplete] = ("Some symbols of the split QR message are missing or repeated", "Thiếu hoặc trùng một số mã của thông điệp QR được chia nhỏ"),
        [Qr.StructuredAppendMismatch] = ("The QR symbols do not belong to one split message", "Các mã QR không thuộc cùng một thông điệp được chia nhỏ"),
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
