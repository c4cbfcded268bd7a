#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>

/**
 * This process's peak resident memory in KiB: VmHWM of /proc/self/status
 * (-1 where there is none). Unlike getrusage()'s or wait4()'s ru_maxrss it
 * does not count the memory of the process that exec'd this one (Linux
 * carries that high-water mark over exec), so a driver in Python does not
 * add its own size to a small program's figure.
 */
inline long long peakMemoryKib()
{
    std::FILE *f = std::fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long long kib = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, "VmHWM:", 6) == 0)
            kib = std::atoll(line + 6);
    std::fclose(f);
    return kib;
}
