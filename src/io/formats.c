/* formats.c: the one table of interchange formats: names, extensions, sniffing rules, readers and writers. */
#include <glib.h>
#include <string.h>

#include "formats.h"
#include "spygraph/loader.h"
#include "spygraph/reading.h"

/* Table order is sniffing order: the most specific signatures first, the CSV edge list last. */
static const sg_graph_format formats[] = {
    /* new formats go here, above the CSV edge list */
    {"graphml", ".graphml", "GraphML, the XML format of yEd, Cytoscape, Gephi, NetworkX and igraph",
     "every node attribute (label, kind, affiliation, codenames and sources joined by ';', native name, lifetime "
     "dates as written, note, the affiliation's display name as affiliation_label where it has one, extra columns) and tie attribute (relation, direction as the boolean `directed`, "
     "family, dates as written, confidence, weight, sources, note, extra columns) as typed <data>, node ids as "
     "spygraph's, the title, the description and a `spygraph` header (version, input, SHA-256, reading, as JSON); "
     "not the sources table, hypotheses or events. Control characters XML 1.0 cannot hold are written as Unicode "
     "control pictures (U+0001 as U+2401, ESC as U+241B). Read through igraph: an edge naming no node is an "
     "error, a missing boolean is empty (a tie without `directed` follows its relation), edge ids are kept as "
     "the tie attribute id",
     sg_graphml_sniff, sg_graphml_read, sg_graphml_write, NULL},
    {"gexf", ".gexf", "GEXF, Gephi's XML format (read: 1.1, 1.2 and 1.3, static or dynamic; written: 1.3)",
     "the attributes GraphML keeps, declared as <attributes> (dates as written in `start` and `end`), each "
     "node's lifetime and tie's period as start and end days for Gephi's timeline (mode dynamic: a date's first "
     "day starts, its last day ends, an open end is left out), per-edge type and weight, and render's default "
     "look: fills and tie colours as <color>, node heights in points as <size> (in the GEXF namespace, where the "
     "GEXF 1.3 schema has them); not the title, the spygraph header, the sources table, hypotheses or events. "
     "Read: attribute values by their titles, defaults, labels, edge type and defaultedgetype (mutual: "
     "undirected), weight, and the dates of <spells>, else start/end, intervals or timestamps (dates or whole "
     "years; several periods: one tie each; a node's: its lifetime from the earliest start to the latest end). "
     "Control characters are written as GraphML's are",
     sg_gexf_sniff, sg_gexf_read, sg_gexf_write, NULL, true},
    {"gml", ".gml", "GML, the Graph Modelling Language (NetworkX, igraph, Gephi, Cytoscape, yEd)",
     "every node attribute (the id as label and the display label as name, so that NetworkX's read_gml keys "
     "nodes by id; kind, affiliation, codenames, native_name, start, end, note, sources, affiliation_label where "
     "the affiliation has a display name, extra columns) and tie "
     "attribute (relation, directed per tie, family, start, end, confidence, weight, sources, note, extra "
     "columns), lists joined by ';'. The text is 7-bit ASCII: \" and & as &quot; and &amp;, other characters "
     "as &#N; references, as NetworkX writes them (igraph 0.10 leaves &#N; as written; spygraph decodes it). "
     "An attribute name that is no GML key is written with _ for each other character and x before a first "
     "character that is not a letter, then with _attribute where it stands for another field or meets a name "
     "before it (a warning says so). Read through igraph: a node's label is its id (else its numeric id), each "
     "tie's directed key its direction (else the graph's), NetworkX's edge key is not an attribute",
     sg_gml_sniff, sg_gml_read, sg_gml_write, NULL},
    {"pajek", ".net .pajek", "a Pajek network (Pajek, igraph, NetworkX, UCINET)",
     "the nodes, labelled by their ids, and each tie's direction (*Arcs, *Edges) and weight; not the display "
     "labels, kinds, affiliations, relations, dates, confidence, sources, notes or extra attributes. A Pajek "
     "label has no escapes: a double quote in an id is written as ', a line break as a space, a backslash that "
     "ends an id or precedes another as /, and a space and #2, #3... follow an id so changed that meets another. "
     "igraph 0.10 reads a file with both *Arcs and *Edges as all directed or all undirected (as its last "
     "section), NetworkX as directed. Read by spygraph's own reader: *Vertices, *Arcs, *Edges, *Arcslist, "
     "*Edgeslist and *Matrix, NetworkX's attributes after a vertex or tie by spygraph's names, coordinates and "
     "Pajek's parameters as attributes",
     sg_pajek_sniff, sg_pajek_read, sg_pajek_write, NULL},
    {"dl", ".dl", "a UCINET DL file (fullmatrix, edgelist1 or nodelist1)",
     "the ties, directed, between the labelled vertices (numbered from 1 without labels) and edgelist1 weights; "
     "read through igraph: a fullmatrix holds 0 and 1 only, labels are separated by commas, blanks or line "
     "ends and hold no blanks, and each header keyword (dl n=, format =, labels:, data:) has a line",
     sg_dl_sniff, sg_dl_read, NULL, NULL},
    {"json", ".json", "NetworkX's node-link JSON (json_graph.node_link_data and node_link_graph; D3's nodes and links)",
     "every node and tie with all their attributes (label, kind, affiliation, codenames, native name, lifetime, "
     "note, sources, affiliation_label where the affiliation has a display name, extra columns; relation, per-tie directed, family, dates as written, confidence, weight, "
     "sources, note, extra tie attributes), parallel ties as a multigraph with keys, the title and description, "
     "and a spygraph header (version, input, SHA-256, reading, span); not the sources table, events or "
     "hypotheses. Read: node \"id\" (else its place in the list), link \"source\" and \"target\" (ids or "
     "numbers), the graph's \"directed\" unless a link's own says otherwise, attributes named like spygraph's "
     "columns as those (\"key\", and a \"family\" naming the relation's, are not attributes), others as extra "
     "attributes. A .json file is read so when it has \"nodes\" and \"links\" (or \"edges\") lists",
     sg_nodelink_sniff, sg_nodelink_read, sg_nodelink_write, NULL},
    {"tables", "/", "a curated spygraph folder (network.json, nodes.csv, edges.csv, sources.csv, events.csv) of the "
     "reading itself, which spygraph reads back to the same analysis: --format tables, or -o FOLDER/ (a trailing "
     "slash)",
     "everything the reading holds: every node and tie with all their columns and extra columns (a tie's "
     "direction in a directed column where it differs from its relation's), dates as written, the sources "
     "table, the events and the display names of the affiliations its nodes have (the manifest's affiliations); "
     "not the hypotheses, which the reading has applied already (the description says "
     "which, and how the network was read)",
     NULL, NULL, NULL, sg_tables_write_folder},
    {"sif", ".sif", "Cytoscape's Simple Interaction Format (source interaction target...)",
     "the nodes and ties: an interaction named like a spygraph relation is the tie's relation, any other is "
     "kept as the tie attribute interaction (relation tie); a line is tab-separated when it has a tab, else "
     "blank-separated; a line of one name is a node alone",
     sg_sif_sniff, sg_sif_read, NULL, NULL},
    {"edgelist", ".edgelist .edges", "a whitespace-separated edge list (NetworkX's write_edgelist and "
     "write_weighted_edgelist)",
     "the ties: source and target, then a weight or a Python dictionary of attributes (strings, numbers, True, "
     "False, None) read by spygraph's names; # starts a comment; a line of one name is a node alone",
     sg_wsedges_sniff, sg_wsedges_read, NULL, NULL},
    {"csv", ".csv .tsv", "a CSV or TSV edge list (source,target[,weight] or named columns; Gephi's edge table)",
     "ties with every spygraph column (relation, dates, confidence, weight, sources, note, directed); other "
     "columns as tie attributes; node attributes only with --nodes",
     sg_csv_edge_list_sniff, sg_load_edge_list_bytes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const sg_graph_format *sg_graph_formats(void)
{
    return formats;
}

const sg_graph_format *sg_graph_format_find(const char *name)
{
    for (const sg_graph_format *f = formats; name && f->name; f++)
        if (g_ascii_strcasecmp(f->name, name) == 0)
            return f;
    return NULL;
}

const sg_graph_format *sg_graph_format_for_path(const char *path)
{
    size_t n = strlen(path);
    for (const sg_graph_format *f = formats; f->name; f++) {
        char **exts = g_strsplit(f->extensions, " ", -1);
        bool found = false;
        for (size_t k = 0; exts[k] && !found; k++) {
            size_t m = strlen(exts[k]);
            found = m > 0 && n > m && g_ascii_strcasecmp(path + n - m, exts[k]) == 0 &&
                    g_ascii_strcasecmp(exts[k], ".json") != 0; /* a manifest unless sniffed otherwise */
        }
        g_strfreev(exts);
        if (found)
            return f;
    }
    return NULL;
}

const sg_graph_format *sg_graph_format_sniff(const char *data, size_t len)
{
    for (const sg_graph_format *f = formats; f->name; f++)
        if (f->sniff && f->read && f->sniff(data, len))
            return f;
    return NULL;
}

const char *sg_graph_format_names(bool readable)
{
    static char *names[2];
    if (!names[readable]) {
        GString *s = g_string_new(NULL);
        for (const sg_graph_format *f = formats; f->name; f++)
            if (readable ? f->read != NULL : (f->write || f->write_folder))
                g_string_append_printf(s, "%s%s", s->len ? ", " : "", f->name);
        names[readable] = g_string_free(s, FALSE);
    }
    return names[readable];
}

bool sg_export_tie_directed(const sg_network *net, const sg_edge *e)
{
    sg_direction forced = net->reading ? net->reading->direction : SG_DIRECTION_DEFAULT;
    if (forced == SG_DIRECTION_UNDIRECTED)
        return false;
    if (forced == SG_DIRECTION_DIRECTED || forced == SG_DIRECTION_MUTUAL)
        return true;
    return sg_tie_arcs(net, e, SG_DIRECTION_DIRECTED) == 1;
}

bool sg_export_graph_directed(const sg_network *net)
{
    for (size_t i = 0; i < net->n_edges; i++)
        if (sg_export_tie_directed(net, &net->edges[i]))
            return true;
    return false;
}

const char *sg_export_affiliation_label(const sg_network *net, const sg_node *n)
{
    const sg_affiliation *a = sg_network_find_affiliation(net, n->affiliation);
    return a ? a->label : "";
}

bool sg_export_has_affiliation_labels(const sg_network *net)
{
    for (size_t i = 0; i < net->n_nodes; i++)
        if (*sg_export_affiliation_label(net, &net->nodes[i]))
            return true;
    return false;
}

/* ---- the names of extra attributes in an export ---- */

/* NAME as compared with the names it must not clash with: trimmed (the CSV reader trims headers) and
 * case-folded (the readers match column and attribute names in any case). A new string (g_free). */
static char *comparable(const char *name)
{
    char *trimmed = g_strstrip(g_strdup(name));
    char *folded = g_utf8_casefold(trimmed, -1);
    g_free(trimmed);
    return folded;
}

/* True when NAME is one of RESERVED (each "name|alias|...") or of the N names TAKEN. */
static bool clashes(const char *name, const char *const *reserved, char *const *taken, size_t n)
{
    char *c = comparable(name);
    bool found = false;
    for (size_t k = 0; reserved && reserved[k] && !found; k++) {
        char **aliases = g_strsplit(reserved[k], "|", -1);
        for (size_t a = 0; aliases[a] && !found; a++) {
            char *r = comparable(aliases[a]);
            found = strcmp(c, r) == 0;
            g_free(r);
        }
        g_strfreev(aliases);
    }
    for (size_t k = 0; k < n && !found; k++) {
        char *t = comparable(taken[k]);
        found = strcmp(c, t) == 0;
        g_free(t);
    }
    g_free(c);
    return found;
}

char **sg_export_extra_names(const char *const *names, size_t n, const char *const *reserved, const char *file,
                             const char *what, sg_diag *diag)
{
    char **out = g_new0(char *, n + 1);
    for (size_t k = 0; k < n; k++) {
        if (!clashes(names[k], reserved, out, k)) {
            out[k] = g_strdup(names[k]);
            continue;
        }
        GString *renamed = g_string_new(names[k]);
        g_string_append(renamed, "_attribute");
        while (clashes(renamed->str, reserved, out, k))
            g_string_append_c(renamed, '_');
        sg_diag_warning(diag, &(sg_origin){file, 0, 0},
                        "the %s attribute '%s' is written as '%s': its own name stands for another field there",
                        what, names[k], renamed->str);
        out[k] = g_string_free(renamed, FALSE);
    }
    return out;
}

