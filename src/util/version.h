#ifndef SLC_VERSION_H
#define SLC_VERSION_H
#define SLC_VERSION "0.1.0"
#endif
