namespace CareFlow.Infrastructure.DataProtection;

/// <summary>One ASP.NET Core data-protection key (XML), kept in the database so every node and every restart share it.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
