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

int slc_platform_utc_time(time_t t, struct tm *tm)
{
    return gmtime_s(tm, &t) == 0;
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

/* ---- child processes: this program again, in a job object ---- */

struct slc_child {
    HANDLE process, job, out;
};

/* the exit status TerminateProcess gives a child we stop */
#define CHILD_KILLED 0x5C4EC
/* committed memory a child has before its work: the program and its heap */
#define CHILD_BASE_MEMORY ((size_t)64 << 20)

/* no Windows Error Reporting dialog for a child that crashes: it ends */
static void child_begin(void)
{
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
}

/* Appends " \"s\"" to d, quoted so that CommandLineToArgvW gives s back. */
static wchar_t *append_quoted(wchar_t *d, const wchar_t *s)
{
    *d++ = L' ';
    *d++ = L'"';
    for (;; s++) {
        size_t bs = 0;
        while (*s == L'\\') {
            bs++;
            s++;
        }
        /* backslashes double before a quote, the closing one included */
        size_t k = !*s ? bs * 2 : *s == L'"' ? bs * 2 + 1 : bs;
        while (k--)
            *d++ = L'\\';
        if (!*s)
            break;
        *d++ = *s;
    }
    *d++ = L'"';
    return d;
}

/* A job object: the child's CPU time and committed memory, and its end
 * when we close the job or it meets an exception no one handles. */
static HANDLE child_job(unsigned cpu_s, size_t memory)
{
    HANDLE job = CreateJobObjectW(NULL, NULL);
    if (!job)
        return NULL;
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION li;
    memset(&li, 0, sizeof(li));
    li.BasicLimitInformation.LimitFlags =
        JOB_OBJECT_LIMIT_PROCESS_TIME | JOB_OBJECT_LIMIT_PROCESS_MEMORY |
        JOB_OBJECT_LIMIT_ACTIVE_PROCESS | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE |
        JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    li.BasicLimitInformation.PerProcessUserTimeLimit.QuadPart = (LONGLONG)cpu_s * 10000000;
    li.BasicLimitInformation.ActiveProcessLimit = 1;
    li.ProcessMemoryLimit = CHILD_BASE_MEMORY + memory;
    if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &li, sizeof(li))) {
        CloseHandle(job);
        return NULL;
    }
    return job;
}

/* Threads start children at the same time (a batch): a pipe's write end is
 * inheritable only while its own child is created, so no other child holds
 * it open and its reader sees the end when its child ends. */
static SRWLOCK spawn_lock = SRWLOCK_INIT;

slc_child *slc_child_start(const slc_child_entry *entry, const char *arg, unsigned cpu_s,
                           size_t memory)
{
    slc_child *c = calloc(1, sizeof(*c));
    wchar_t *exe = malloc(32768 * sizeof(wchar_t)), *name = wide(entry->name), *warg = wide(arg);
    wchar_t *cmd = NULL;
    HANDLE rd = NULL, wr = NULL;
    DWORD e = ERROR_NOT_ENOUGH_MEMORY;
    if (!c || !exe || !name || !warg)
        goto fail;
    DWORD k = GetModuleFileNameW(NULL, exe, 32768);
    if (k == 0 || k >= 32768) {
        e = GetLastError();
        goto fail;
    }
    const wchar_t *flag = L"" SLC_CHILD_ARG;
    cmd = malloc((2 * (wcslen(exe) + wcslen(flag) + wcslen(name) + wcslen(warg)) + 16) *
                 sizeof(wchar_t));
    if (!cmd)
        goto fail;
    wchar_t *d = append_quoted(cmd, exe);
    d = append_quoted(d, flag);
    d = append_quoted(d, name);
    d = append_quoted(d, warg);
    *d = 0;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, FALSE};
    if (!(c->job = child_job(cpu_s, memory)) || !CreatePipe(&rd, &wr, &sa, 0)) {
        e = GetLastError();
        goto fail;
    }
    STARTUPINFOW si;
    memset(&si, 0, sizeof(si));
    si.cb = sizeof(si);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = wr;
    PROCESS_INFORMATION pi;
    AcquireSRWLockExclusive(&spawn_lock);
    SetHandleInformation(wr, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    BOOL ok = CreateProcessW(exe, cmd + 1, NULL, NULL, TRUE, CREATE_SUSPENDED | CREATE_NO_WINDOW,
                             NULL, NULL, &si, &pi);
    if (!ok)
        e = GetLastError();
    ReleaseSRWLockExclusive(&spawn_lock);
    CloseHandle(wr);
    wr = NULL;
    if (!ok)
        goto fail;
    c->process = pi.hProcess;
    if (!AssignProcessToJobObject(c->job, pi.hProcess)) {
        /* a job that allows none inside it (before Windows 8): the child
         * runs without its limits, still apart from us, still timed */
        CloseHandle(c->job);
        c->job = NULL;
    }
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);
    c->out = rd;
    free(exe);
    free(name);
    free(warg);
    free(cmd);
    return c;
fail:
    if (rd)
        CloseHandle(rd);
    if (wr)
        CloseHandle(wr);
    if (c && c->job)
        CloseHandle(c->job);
    free(c);
    free(exe);
    free(name);
    free(warg);
    free(cmd);
    errno = e == ERROR_NOT_ENOUGH_MEMORY ? ENOMEM : errno_of(e);
    return NULL;
}

long slc_child_read(slc_child *c, void *buf, size_t n, unsigned silent_s)
{
    ULONGLONG start = GetTickCount64();
    DWORD e;
    for (;;) {
        DWORD avail = 0;
        if (!PeekNamedPipe(c->out, NULL, 0, NULL, &avail, NULL))
            break;
        if (avail) {
            DWORD got = 0;
            if (!ReadFile(c->out, buf, n < avail ? (DWORD)n : avail, &got, NULL))
                break;
            return (long)got;
        }
        if (GetTickCount64() - start >= (ULONGLONG)silent_s * 1000)
            return -2;
        /* pipes have no poll: look again soon, sooner if the child ended */
        if (WaitForSingleObject(c->process, 10) == WAIT_OBJECT_0)
            Sleep(1);
    }
    e = GetLastError();
    if (e == ERROR_BROKEN_PIPE)
        return 0; /* every write end closed: the output's end */
    errno = errno_of(e);
    return -1;
}

slc_child_end slc_child_finish(slc_child *c, int kill, int *code, char *what, size_t n)
{
    CloseHandle(c->out);
    if (kill)
        TerminateProcess(c->process, CHILD_KILLED);
    WaitForSingleObject(c->process, INFINITE);
    DWORD st = 0;
    GetExitCodeProcess(c->process, &st);
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION ai;
    memset(&ai, 0, sizeof(ai));
    if (c->job)
        QueryInformationJobObject(c->job, JobObjectBasicAccountingInformation, &ai, sizeof(ai),
                                  NULL);
    CloseHandle(c->process);
    if (c->job)
        CloseHandle(c->job);
    free(c);
    *code = (int)st;
    snprintf(what, n, "exception 0x%08lX", (unsigned long)st);
    if (kill || st == CHILD_KILLED || ai.TotalTerminatedProcesses > 0)
        return SLC_CHILD_STOPPED; /* by us, or the job at a limit */
    return st >= 0xC0000000u ? SLC_CHILD_CRASHED : SLC_CHILD_EXITED;
}
#else
/* ========================================================== POSIX ==== */
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

int slc_platform_utc_time(time_t t, struct tm *tm)
{
    return gmtime_r(&t, tm) != NULL;
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

/* ---- child processes: a fork with limits ---- */

struct slc_child {
    pid_t pid;
    int fd;
};

static void child_begin(void)
{
}

/* The sanitizers reserve terabytes of address space: no RLIMIT_AS there. */
#if defined(__SANITIZE_ADDRESS__)
#define SLC_NO_AS_LIMIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define SLC_NO_AS_LIMIT 1
#endif
#endif

/* A fuzzer's death callback would record the child's crash as its own. */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

#ifndef SLC_NO_AS_LIMIT
/* The address space in use now (bytes), from /proc; 0 if unknown. */
static rlim_t address_space_now(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (!f)
        return 0;
    if (fscanf(f, "%lu", &pages) != 1)
        pages = 0;
    fclose(f);
    long psz = sysconf(_SC_PAGESIZE);
    return (rlim_t)pages * (rlim_t)(psz > 0 ? psz : 4096);
}
#endif

/* In the child: the default ending on a fault, no core file, the limits. */
static void child_limits(unsigned cpu_s, size_t memory)
{
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(NULL);
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGPIPE, SIGXCPU};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
        signal(sigs[i], SIG_DFL); /* a fuzzer's or a caller's handlers */
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    rl.rlim_cur = cpu_s;
    rl.rlim_max = cpu_s + 5;
    setrlimit(RLIMIT_CPU, &rl);
#ifndef SLC_NO_AS_LIMIT
    rlim_t now = address_space_now();
    if (now) {
        rl.rlim_cur = rl.rlim_max = now + (rlim_t)memory;
        setrlimit(RLIMIT_AS, &rl);
    }
#else
    (void)memory;
#endif
}

slc_child *slc_child_start(const slc_child_entry *entry, const char *arg, unsigned cpu_s,
                           size_t memory)
{
    slc_child *c = malloc(sizeof(*c));
    int fds[2];
    if (!c)
        return NULL;
    if (pipe(fds) < 0) {
        free(c);
        return NULL;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        free(c);
        errno = e;
        return NULL;
    }
    if (pid == 0) {
        close(fds[0]);
        child_limits(cpu_s, memory);
        _exit(entry->fn(arg, fds[1]));
    }
    close(fds[1]);
    c->pid = pid;
    c->fd = fds[0];
    return c;
}

long slc_child_read(slc_child *c, void *buf, size_t n, unsigned silent_s)
{
    for (;;) {
        struct pollfd pf = {c->fd, POLLIN, 0};
        int k = poll(&pf, 1, (int)silent_s * 1000);
        if (k < 0 && errno == EINTR)
            continue;
        if (k == 0)
            return -2;
        if (k < 0)
            return -1;
        ssize_t got = read(c->fd, buf, n);
        if (got < 0 && errno == EINTR)
            continue;
        return got < 0 ? -1 : (long)got;
    }
}

slc_child_end slc_child_finish(slc_child *c, int kill_it, int *code, char *what, size_t n)
{
    int ws = 0;
    close(c->fd);
    if (kill_it)
        kill(c->pid, SIGKILL);
    while (waitpid(c->pid, &ws, 0) < 0 && errno == EINTR)
        ;
    free(c);
    *code = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    snprintf(what, n, "signal %d", WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
    if (kill_it)
        return SLC_CHILD_STOPPED;
    if (WIFSIGNALED(ws))
        return WTERMSIG(ws) == SIGXCPU || WTERMSIG(ws) == SIGKILL ? SLC_CHILD_STOPPED
                                                                  : SLC_CHILD_CRASHED;
    return WIFEXITED(ws) ? SLC_CHILD_EXITED : SLC_CHILD_CRASHED;
}
#endif

int slc_child_main(int argc, char **argv, const slc_child_entry *const *entries, int *rc)
{
    if (argc != 4 || strcmp(argv[1], SLC_CHILD_ARG))
        return 0;
    for (; *entries; entries++)
        if (!strcmp((*entries)->name, argv[2])) {
            child_begin();
            *rc = (*entries)->fn(argv[3], 1);
            return 1;
        }
    return 0;
}
