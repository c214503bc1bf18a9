namespace CareFlow.IntegrationTests.Rig;

/// <summary>The rig tests crash PostgreSQL and switch the SMTP server's mode, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TestRigSerial
{
    public const string Name = "test-rig";
}
