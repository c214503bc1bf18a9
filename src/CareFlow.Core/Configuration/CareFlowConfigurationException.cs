namespace CareFlow.Core.Configuration;

/// <summary>
/// A setting is missing or malformed. The message is one line that names the setting and is safe to print:
/// it never contains a password.
/// </summary>
public sealed class CareFlowConfigurationException : Exception
{
    public CareFlowConfigurationException()
    {
    }

    public CareFlowConfigurationException(string message)
        : base(message)
    {
    }

    public CareFlowConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
