#include "frame/app_info.h"
