/* platform.c - POSIX and Windows behind platform.h. The only file that
 * knows which system it is built for. */
#define _GNU_SOURCE
#include "platform.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

void *slc_memmem(const void *hay, size_t n, const void *needle, size_t k)
{
    const char *b = hay, *s = needle;
    if (k == 0)
        return (void *)b;
    if (n < k)
        return NULL;
    for (const char *p = b, *end = b + n - k + 1; p < end; p++) {
        p = memchr(p, s[0], (size_t)(end - p));
        if (!p)
            return NULL;
        if (!memcmp(p, s, k))
            return (void *)p;
    }
    return NULL;
}

#ifdef _WIN32
/* ======================================================== Windows ==== */
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#include <shellapi.h>

/* UTF-8 to UTF-16 (malloc'd), or NULL */
static wchar_t *wide(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    if (n <= 0)
        return NULL;
    wchar_t *w = malloc((size_t)n * sizeof(wchar_t));
    if (w && MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n) <= 0) {
        free(w);
        w = NULL;
    }
    return w;
}

/* UTF-16 to UTF-8 (malloc'd), or NULL */
static char *narrow(const wchar_t *w)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    if (n <= 0)
        return NULL;
    char *s = malloc((size_t)n);
    if (s && WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL) <= 0) {
        free(s);
        s = NULL;
    }
    return s;
}

static int errno_of(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_DRIVE:
        return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
        return EACCES;
    case ERROR_ALREADY_EXISTS:
    case ERROR_FILE_EXISTS:
        return EEXIST;
    case ERROR_NOT_SAME_DEVICE:
        return EXDEV;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
        return ENOSPC;
    case ERROR_WRITE_PROTECT:
        return EROFS;
    case ERROR_FILENAME_EXCED_RANGE:
        return ENAMETOOLONG;
    default:
        return EIO;
    }
}

static void console_utf8(DWORD which)
{
    HANDLE h = GetStdHandle(which);
    DWORD mode;
    if (h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode))
        SetConsoleMode(h, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
}

void slc_platform_init(int *argc, char ***argv)
{
    /* bytes as they are: no CRLF for LF, no end at a Ctrl-Z */
    _setmode(0, _O_BINARY);
    _setmode(1, _O_BINARY);
    _setmode(2, _O_BINARY);
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    console_utf8(STD_OUTPUT_HANDLE);
    console_utf8(STD_ERROR_HANDLE);
    /* the arguments in UTF-8 whatever the code page (the manifest asks for
     * UTF-8 too, but Windows before 10 1903 ignores it) */
    int n = 0;
    wchar_t **w = CommandLineToArgvW(GetCommandLineW(), &n);
    if (!w)
        return;
    char **a = calloc((size_t)n + 1, sizeof(*a));
    for (int i = 0; a && i < n; i++)
        if (!(a[i] = narrow(w[i]))) {
            free(a); /* the system's own arguments, then */
            a = NULL;
        }
    LocalFree(w);
    if (a) {
        *argc = n;
        *argv = a;
    }
}

void slc_platform_catch_signals(void (*on_signal)(int))
{
    const int sigs[] = {SIGINT, SIGTERM};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (signal(sigs[i], on_signal) == SIG_IGN)
            signal(sigs[i], SIG_IGN);
}

int slc_platform_ui_japanese(void)
{
    return PRIMARYLANGID(GetUserDefaultUILanguage()) == LANG_JAPANESE;
}

unsigned slc_platform_cpus(void)
{
    DWORD n = GetActiveProcessorCount(ALL_PROCESSOR_GROUPS);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

int slc_platform_is_terminal(int fd)
{
    HANDLE h = GetStdHandle(fd == 2 ? STD_ERROR_HANDLE : STD_OUTPUT_HANDLE);
    DWORD mode;
    return h != INVALID_HANDLE_VALUE && GetConsoleMode(h, &mode);
}

size_t slc_platform_terminal_width(void)
{
    CONSOLE_SCREEN_BUFFER_INFO ci;
    if (!GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &ci))
        return 0;
    return (size_t)(ci.srWindow.Right - ci.srWindow.Left + 1);
}

void slc_platform_temp_dir(char *buf, size_t n)
{
    const char *dir = getenv("TMPDIR");
    char *sys = NULL;
    if (!dir || !*dir) {
        wchar_t w[MAX_PATH + 1];
        DWORD k = GetTempPathW(MAX_PATH + 1, w);
        if (k > 0 && k <= MAX_PATH) {
            while (k > 3 && (w[k - 1] == L'\\' || w[k - 1] == L'/'))
                w[--k] = 0;
            sys = narrow(w);
        }
        dir = sys ? sys : ".";
    }
    snprintf(buf, n, "%s", dir);
    free(sys);
}

const char *slc_platform_null_device(void)
{
    return "NUL";
}

void slc_platform_copy_mode(int fd, const char *old_path)
{
    (void)fd;
    (void)old_path;
}

int slc_platform_sync(FILE *fp)
{
    HANDLE h = (HANDLE)_get_osfhandle(_fileno(fp));
    if (h == INVALID_HANDLE_VALUE || FlushFileBuffers(h))
        return 0;
    DWORD e = GetLastError();
    return e == ERROR_INVALID_HANDLE || e == ERROR_INVALID_FUNCTION ? 0 : errno_of(e);
}

int slc_platform_replace(const char *from, const char *to)
{
    wchar_t *wf = wide(from), *wt = wide(to);
    int ok = wf && wt && MoveFileExW(wf, wt, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
    DWORD e = ok ? 0 : GetLastError();
    free(wf);
    free(wt);
    if (ok)
        return 0;
    errno = errno_of(e);
    return -1;
}

/* the volume and index of an existing file or directory; 0 if none */
static int file_id(const char *path, BY_HANDLE_FILE_INFORMATION *fi)
{
    wchar_t *w = wide(path);
    if (!w)
        return 0;
    HANDLE h = CreateFileW(w, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    free(w);
    if (h == INVALID_HANDLE_VALUE)
        return 0;
    int ok = GetFileInformationByHandle(h, fi) != 0;
    CloseHandle(h);
    return ok;
}

int slc_platform_same_file(const char *a, const char *b)
{
    BY_HANDLE_FILE_INFORMATION fa, fb;
    if (!file_id(a, &fa) || !file_id(b, &fb))
        return 0;
    return fa.dwVolumeSerialNumber == fb.dwVolumeSerialNumber &&
           fa.nFileIndexHigh == fb.nFileIndexHigh && fa.nFileIndexLow == fb.nFileIndexLow;
}

char *slc_platform_real_path(const char *path)
{
    wchar_t *w = wide(path);
    if (!w)
        return NULL;
    char *r = NULL;
    wchar_t full[32768];
    DWORD k = GetFullPathNameW(w, 32768, full, NULL);
    if (k > 0 && k < 32768 && GetFileAttributesW(full) != INVALID_FILE_ATTRIBUTES)
        r = narrow(full);
    free(w);
    return r;
}

int slc_platform_is_separator(char c)
{
    return c == '/' || c == '\\';
}

int slc_platform_takes_dropped_files(void)
{
    return 1;
}

int slc_platform_open_file(const char *path)
{
    wchar_t *w = wide(path);
    INT_PTR r = w ? (INT_PTR)ShellExecuteW(NULL, L"open", w, NULL, NULL, SW_SHOWNORMAL) : 0;
    free(w);
    return r > 32 ? 0 : -1;
}

void slc_platform_message(const char *title, const char *text)
{
    fprintf(stderr, "%s\n", text);
    wchar_t *wt = wide(title), *wx = wide(text);
    if (wt && wx)
        MessageBoxW(NULL, wx, wt, MB_OK | MB_ICONINFORMATION | MB_SETFOREGROUND);
    free(wt);
    free(wx);
}

#else
/* ========================================================== POSIX ==== */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

void slc_platform_init(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
}

void slc_platform_catch_signals(void (*on_signal)(int))
{
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* a signal ignored by whoever started us stays ignored (nohup) */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

int slc_platform_ui_japanese(void)
{
    return 0;
}

unsigned slc_platform_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

int slc_platform_is_terminal(int fd)
{
    return isatty(fd);
}

size_t slc_platform_terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        return ws.ws_col;
    return 0;
}

void slc_platform_temp_dir(char *buf, size_t n)
{
    const char *dir = getenv("TMPDIR");
    snprintf(buf, n, "%s", dir && *dir ? dir : "/tmp");
}

const char *slc_platform_null_device(void)
{
    return "/dev/null";
}

void slc_platform_copy_mode(int fd, const char *old_path)
{
    struct stat st;
    if (old_path && stat(old_path, &st) == 0) {
        /* a file rewritten keeps its mode (a 0600 report stays private) and,
         * where we may set it, its group */
        if (fchown(fd, (uid_t)-1, st.st_gid) != 0)
            errno = 0;
        fchmod(fd, st.st_mode & 07777);
    } else { /* same permissions a plain fopen would give */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
}

int slc_platform_sync(FILE *fp)
{
    return fsync(fileno(fp)) != 0 && errno != EINVAL ? errno : 0;
}

int slc_platform_replace(const char *from, const char *to)
{
    return rename(from, to);
}

int slc_platform_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

char *slc_platform_real_path(const char *path)
{
    return realpath(path, NULL);
}

int slc_platform_is_separator(char c)
{
    return c == '/';
}

int slc_platform_takes_dropped_files(void)
{
    return 0;
}

int slc_platform_open_file(const char *path)
{
    (void)path;
    return -1;
}

void slc_platform_message(const char *title, const char *text)
{
    (void)title;
    fprintf(stderr, "%s\n", text);
}
#endif
