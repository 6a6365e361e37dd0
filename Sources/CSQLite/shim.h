#include <sqlite3.h>

// sqlite3_config is variadic, which Swift cannot call: one setting with an int value.
static inline int kaiqu_sqlite3_config_int(int option, int value) {
    return sqlite3_config(option, value);
}
