namespace CareFlow.IntegrationTests.Workflows;

/// <summary>The corpus runs on its own process, beside the other workflow tests (its minute is mostly waiting).</summary>
[CollectionDefinition(Name)]
public sealed class ElsaCorpusSerial
{
    public const string Name = "elsa-corpus";
}
