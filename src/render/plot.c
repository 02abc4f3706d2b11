/* plot.c: charts drawn with cairo and pango (a placeholder until the forest plot lands). */
#include "spygraph/plot.h"
#include <string.h>
bool sg_plot_format_from_path(const char *path, sg_plot_format *out){ const char *d=strrchr(path,'.'); if(!d) return false; if(!strcmp(d,".svg")){*out=SG_PLOT_SVG;return true;} return false; }
bool sg_forest_write(const sg_forest *plot, sg_plot_format format, FILE *stream){ (void)plot;(void)format; fputs("<svg/>\n",stream); return true; }
