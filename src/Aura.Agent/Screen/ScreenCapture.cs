using System.Runtime.InteropServices;
using Aura.Agent.X11;

namespace Aura.Agent.Screen;

/// <summary>
/// Captures the root window in-process: MIT-SHM (<c>XShmGetImage</c> into one shared segment, no copy) when the server
/// offers it, else <c>XGetImage</c> copied into one reused buffer. Nothing is allocated per frame in steady state.
/// </summary>
internal sealed unsafe class ScreenCapture : IDisposable
{
    private readonly XDisplay _display;
    private readonly bool _ownsDisplay;
    private XShmSegmentInfo* _shm;
    private XImage* _shmImage;
    private byte[] _copy = [];
    private int _stride;
    private readonly int _ioErrors = XErrors.IoErrors;

    public ScreenCapture(XDisplay display, bool ownsDisplay)
    {
        _display = display;
        _ownsDisplay = ownsDisplay;
        if (X11Native.XDefaultDepth(display.Handle, display.Screen) is not (24 or 32))
        {
            throw new AgentException($"display {display.Name} has depth {X11Native.XDefaultDepth(display.Handle, display.Screen)}: the agent reads 24- and 32-bit TrueColor screens only");
        }

        TryAttachSharedMemory();
    }

    public int Width => _display.Width;

    public int Height => _display.Height;

    /// <summary>True when frames come through MIT-SHM.</summary>
    public bool UsesSharedMemory => _shmImage is not null;

    /// <summary>
    /// False makes every capture use XGetImage, as <c>AURA_AGENT_NO_SHM=1</c> asks; set once by the executable at start,
    /// since captures are opened deep inside the agent (per display, per tick).
    /// </summary>
    public static bool UseSharedMemory { get; set; } = true;

    public static ScreenCapture Open(string displayName) => new(XDisplay.Open(displayName), ownsDisplay: true);

    /// <exception cref="AgentException">The server refused the image request.</exception>
    public ScreenFrame Capture()
    {
        if (XErrors.IoErrors != _ioErrors)
        {
            throw new AgentException($"lost the connection to X display {_display.Name}");
        }

        if (_shmImage is not null)
        {
            if (XShmNative.XShmGetImage(_display.Handle, _display.Root, _shmImage, 0, 0, X11Native.AllPlanes) == 0)
            {
                throw new AgentException($"XShmGetImage failed on display {_display.Name}");
            }

            return new ScreenFrame(new ReadOnlySpan<byte>(_shmImage->Data, _stride * Height), Width, Height, _stride);
        }

        var image = X11Native.XGetImage(_display.Handle, _display.Root, 0, 0, (uint)Width, (uint)Height, X11Native.AllPlanes, X11Native.ZPixmap);
        if (image is null)
        {
            throw new AgentException($"XGetImage failed on display {_display.Name} (error {XErrors.Take()})");
        }

        try
        {
            CheckFormat(image);
            var length = image->BytesPerLine * Height;
            if (_copy.Length != length)
            {
                _copy = new byte[length];
            }

            new ReadOnlySpan<byte>(image->Data, length).CopyTo(_copy);
            _stride = image->BytesPerLine;
        }
        finally
        {
            _ = X11Native.XDestroyImage(image);
        }

        return new ScreenFrame(_copy, Width, Height, _stride);
    }

    public void Dispose()
    {
        if (_shmImage is not null)
        {
            _ = XShmNative.XShmDetach(_display.Handle, _shm);
            _ = X11Native.XDestroyImage(_shmImage); // frees the XImage; the segment is detached below
            _ = XShmNative.shmdt((nint)_shm->ShmAddr);
            _shmImage = null;
        }

        if (_shm is not null)
        {
            NativeMemory.Free(_shm);
            _shm = null;
        }

        if (_ownsDisplay)
        {
            _display.Dispose();
        }
    }

    private void TryAttachSharedMemory()
    {
        if (!UseSharedMemory || !NativeLibrary.TryLoad(XShmNative.Library, out _)
            || XShmNative.XShmQueryExtension(_display.Handle) == 0)
        {
            return;
        }

        var handle = _display.Handle;
        var visual = X11Native.XDefaultVisual(handle, _display.Screen);
        var depth = (uint)X11Native.XDefaultDepth(handle, _display.Screen);
        _shm = (XShmSegmentInfo*)NativeMemory.AllocZeroed((nuint)sizeof(XShmSegmentInfo));
        var image = XShmNative.XShmCreateImage(handle, visual, depth, X11Native.ZPixmap, null, _shm, (uint)Width, (uint)Height);
        if (image is null)
        {
            return;
        }

        var size = (nuint)(image->BytesPerLine * image->Height);
        _shm->ShmId = XShmNative.shmget(XShmNative.IpcPrivate, size, XShmNative.IpcCreat | XShmNative.OwnerReadWrite);
        if (_shm->ShmId < 0)
        {
            _ = X11Native.XDestroyImage(image);
            return;
        }

        var address = XShmNative.shmat(_shm->ShmId, 0, 0);
        if (address == -1)
        {
            _ = XShmNative.shmctl(_shm->ShmId, XShmNative.IpcRmid, 0);
            _ = X11Native.XDestroyImage(image);
            return;
        }

        _shm->ShmAddr = (byte*)address;
        image->Data = (byte*)address;
        _shm->ReadOnly = 0;
        _ = XErrors.Take();
        var attached = XShmNative.XShmAttach(handle, _shm) != 0;
        _ = X11Native.XSync(handle, 0);
        // Marked for removal now: the kernel frees it when both sides detach, even if Aura is killed.
        _ = XShmNative.shmctl(_shm->ShmId, XShmNative.IpcRmid, 0);
        if (!attached || XErrors.Take() != 0)
        {
            // A remote server cannot map our segment: fall back to XGetImage.
            image->Data = null;
            _ = X11Native.XDestroyImage(image);
            _ = XShmNative.shmdt(address);
            return;
        }

        CheckFormat(image);
        _shmImage = image;
        _stride = image->BytesPerLine;
    }

    private void CheckFormat(XImage* image)
    {
        if (image->BitsPerPixel != 32 || image->ByteOrder != 0 || image->RedMask != 0xFF0000 || image->GreenMask != 0xFF00 || image->BlueMask != 0xFF)
        {
            throw new AgentException($"display {_display.Name} uses a pixel format the agent does not read ({image->BitsPerPixel} bits per pixel, byte order {image->ByteOrder}); it reads 32-bit BGRX");
        }
    }
}
