namespace Aura.Server.Jetson;

/// <summary>What a codec made of the bytes received so far.</summary>
public enum FrameStatus
{
    /// <summary>One whole request has arrived: answer now, whether or not the client half-closes.</summary>
    Complete,

    /// <summary>The request has started but not finished: read more.</summary>
    Incomplete,

    /// <summary>The bytes cannot become a valid request.</summary>
    Invalid,
}
