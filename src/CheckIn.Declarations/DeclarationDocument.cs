namespace CheckIn.Declarations;

/// <summary>
/// A document CheckIn validates: a declaration or a venue record. Documents are plain immutable data; the
/// validators in <see cref="DeclarationValidator"/> decide what is valid, with stable error codes.
/// </summary>
public abstract record DeclarationDocument
{
    private protected DeclarationDocument()
    {
    }

    /// <summary>Which kind of document this is.</summary>
    public abstract DocumentKind Kind { get; }

    /// <summary>
    /// Every property, with personal data masked (names to initials, numbers to their last two characters, addresses
    /// and free text hidden): safe for logs. <see cref="DeclarationJson.Write"/> writes the document in full.
    /// </summary>
    /// <returns>The masked text.</returns>
    public sealed override string ToString() => DocumentText.Describe(this);
}
