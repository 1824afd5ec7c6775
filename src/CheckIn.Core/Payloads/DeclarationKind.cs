namespace CheckIn.Core.Payloads;

/// <summary>Who declared the holder of a national personal QR (field <c>LoaiDinhDanh</c>).</summary>
public enum DeclarationKind
{
    /// <summary><c>0</c>: the holder declared for themselves.</summary>
    Self = 0,

    /// <summary><c>1</c>: someone declared on the holder's behalf (a parent for a child, a carer).</summary>
    OnBehalf = 1,
}
