/* model.h: the network model: node, edge and source tables, the relation vocabulary, hypotheses. */
#ifndef SPYGRAPH_MODEL_H
#define SPYGRAPH_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "spygraph/date.h"
#include "spygraph/message.h"

typedef enum sg_kind {
    SG_KIND_UNSPECIFIED = 0, /* a bare edge list says nothing of kinds */
    SG_KIND_PERSON,
    SG_KIND_ORGANIZATION,
    SG_KIND_PLACE
} sg_kind;

/* Returns "person", "organization", "place" or "" for SG_KIND_UNSPECIFIED. */
const char *sg_kind_name(sg_kind kind);
/* Parses a kind name; an empty string gives SG_KIND_UNSPECIFIED. Returns false if unknown. */
bool sg_kind_parse(const char *text, sg_kind *out);

/* Relation families, for colours and grouping. */
typedef enum sg_family {
    SG_FAMILY_MEMBERSHIP,
    SG_FAMILY_COMMAND,     /* command and reporting */
    SG_FAMILY_INFORMATION, /* information flow */
    SG_FAMILY_PERSONAL,
    SG_FAMILY_DIPLOMATIC,
    SG_FAMILY_HOSTILE,
    SG_FAMILY_OTHER
} sg_family;

typedef struct sg_relation {
    const char *name;     /* member_of, recruited, ... */
    bool directed;        /* read from source to target */
    bool channel;         /* information or orders can travel along it (paths, reach and cut follow only
                             channel relations by default) */
    sg_family family;
    const char *reading;  /* one line: what a tie of this relation means */
} sg_relation;

/* The vocabulary (static, never freed), terminated by an entry whose name is NULL. */
const sg_relation *sg_relations(void);
/* Looks a relation up by name; NULL if it is not in the vocabulary. */
const sg_relation *sg_relation_find(const char *name);
/* The unspecified relation `tie`, a bare edge list's default (static, never NULL). */
const sg_relation *sg_relation_unspecified(void);
/* Returns the family's name ("membership", "command", ...). */
const char *sg_family_name(sg_family family);

/* Strings in the model are borrowed from the network's string pool: never free them. */
typedef struct sg_node {
    const char *id;
    const char *label;
    sg_kind kind;
    const char *affiliation;   /* "" when unknown */
    const char **codenames;    /* NULL-terminated, never NULL itself */
    const char *native_name;   /* "" when none */
    const char *note;          /* "" when none */
    const char **sources;      /* NULL-terminated citation keys, never NULL itself */
    const char **extra;        /* values of the network's extra node columns (n_extra_attrs), or NULL */
    const char *hypothesis;    /* id of the hypothesis that added or last changed the node, NULL for a base
                                  node */
    sg_interval when;          /* the node's lifetime (an organisation founded or dissolved, a person
                                  executed); timeless when not given */
    sg_origin origin;
} sg_node;

/* How a tie's own direction was recorded: by its relation (the vocabulary's rule), or per tie by a reader
 * whose format says so tie by tie (a `directed` column, Gephi's Type, a Pajek *Arcs or *Edges line, GEXF's
 * and GraphML's per-edge direction). sg_edge_directed gives the result. */
typedef enum sg_tie_direction {
    SG_TIE_AS_RELATION = 0,
    SG_TIE_DIRECTED,
    SG_TIE_UNDIRECTED
} sg_tie_direction;

typedef struct sg_edge {
    int source;                /* node index */
    int target;                /* node index */
    const sg_relation *relation;
    sg_interval when;
    double confidence;         /* in [0, 1]; 1 by default */
    double weight;             /* > 0; 1 by default */
    const char **sources;      /* NULL-terminated, never NULL itself */
    const char *note;          /* "" when none */
    const char *hypothesis;    /* id of the hypothesis that added or changed the tie, NULL if base */
    bool changed;              /* true when a hypothesis changed this base tie */
    sg_tie_direction direction; /* SG_TIE_AS_RELATION unless the input said so for this tie */
    const char **extra;        /* values of the network's extra tie columns (n_edge_extra_attrs), or NULL */
    unsigned number;           /* a base tie's 1-based place in the base's tie table (sg_network_add_edge
                                  sets it); a tie a hypothesis adds, its patch line's 1-based place among
                                  that hypothesis's lines */
    const char *key;           /* pooled; the stable key of a tie the base's table does not number (added
                                  by a hypothesis, made by a fold), else NULL: see sg_edge_key */
    sg_origin origin;
} sg_edge;

/* True when tie E is directed as recorded: its own direction when the input gave one, else its relation's.
 * (How a reading turns it into arcs is sg_tie_arcs, reading.h.) O(1). */
bool sg_edge_directed(const sg_edge *e);

/* The tie's stable key, the same in every reading of its network (a hypothesis, a snapshot, a filter):
 * "17" for the base's 17th tie (changed or not by a hypothesis), "kato_kito-2" for the tie that the
 * second line of hypothesis kato_kito adds (changed later or not), "fold-A-B" for the tie a fold makes
 * between nodes A and B (each id with '%' and '-' percent-encoded). Newly allocated (g_free); never
 * NULL. */
char *sg_edge_key(const sg_edge *e);

typedef struct sg_source {
    const char *key;
    const char *reference;
    const char *pages;
    const char *note;
    sg_origin origin;
} sg_source;

typedef enum sg_patch_op {
    SG_PATCH_ADD_NODE,
    SG_PATCH_ADD_EDGE,
    SG_PATCH_REMOVE_EDGE,
    SG_PATCH_CHANGE_EDGE,
    SG_PATCH_REMOVE_NODE,      /* removes the node NODE.id and every tie it has */
    SG_PATCH_CHANGE_NODE,      /* sets NODE's fields named in NODE_CHANGES on the node NODE.id */
    SG_PATCH_MERGE_NODES       /* SOURCE_ID and TARGET_ID are one person: TARGET_ID's ties move to SOURCE_ID,
                                  TARGET_ID is removed */
} sg_patch_op;

/* The operation's name as a patch file writes it ("add_node", ..., "merge_nodes"); "" if unknown. */
const char *sg_patch_op_name(sg_patch_op op);

/* Which fields a change_edge sets. */
enum {
    SG_CHANGE_START = 1 << 0,
    SG_CHANGE_END = 1 << 1,
    SG_CHANGE_CONFIDENCE = 1 << 2,
    SG_CHANGE_WEIGHT = 1 << 3,
    SG_CHANGE_SOURCES = 1 << 4,
    SG_CHANGE_NOTE = 1 << 5
};

/* Which fields a change_node sets. */
enum {
    SG_CHANGE_NODE_LABEL = 1 << 0,
    SG_CHANGE_NODE_KIND = 1 << 1,
    SG_CHANGE_NODE_AFFILIATION = 1 << 2,
    SG_CHANGE_NODE_START = 1 << 3,
    SG_CHANGE_NODE_END = 1 << 4
};

/* One line of a hypothesis patch. For add_node, NODE holds the new node. For edges, SOURCE_ID and
 * TARGET_ID name the ends (resolved when the patch is applied), RELATION may be NULL for
 * remove/change (matches any relation), and EDGE holds the values (its source/target are unused). */
typedef struct sg_patch {
    sg_patch_op op;
    sg_node node;
    const char *source_id;
    const char *target_id;
    const sg_relation *relation;
    sg_edge edge;
    unsigned changes;          /* SG_CHANGE_* for change_edge */
    unsigned node_changes;     /* SG_CHANGE_NODE_* for change_node */
    sg_origin origin;
} sg_patch;

typedef struct sg_hypothesis {
    const char *id;
    const char *label;
    const char *citation;      /* who argues it, in words */
    const char **sources;      /* NULL-terminated citation keys */
    const char *patch_file;    /* as named in the manifest */
    sg_patch *patches;
    size_t n_patches;
    double credence;           /* how likely the curator holds it, in [0, 1]; NaN when not given */
    const char *credence_note; /* why ("" when none) */
    int question;              /* index into net->questions of the question it answers, -1: independent */
    sg_origin origin;
} sg_hypothesis;

/* A question that several hypotheses answer; its answers exclude each other (who first connected Sorge
 * and Ozaki). */
typedef struct sg_question {
    const char *id;
    const char *label;
    const char **hypotheses;   /* NULL-terminated hypothesis ids, the alternative answers */
    sg_origin origin;
} sg_question;

/* A dated happening the network's story turns on (the Imperial Conference of 2 July 1941), for timelines. */
typedef struct sg_event {
    const char *id;
    const char *label;
    sg_date date;
    const char **sources;      /* NULL-terminated citation keys, never NULL itself */
    const char *note;          /* "" when none */
    sg_origin origin;
} sg_event;

/* A display name for an affiliation slug, from the manifest's `affiliations` table or a node table's
 * `affiliation_label` column. */
typedef struct sg_affiliation {
    const char *id;            /* the slug nodes carry in `affiliation` */
    const char *label;         /* the display name, never "" */
    sg_origin origin;
} sg_affiliation;

typedef struct sg_network sg_network;
struct sg_reading;

/* A network. The arrays are owned by the network; all strings are borrowed from its pool, which a
 * derived network (hypothesis applied, snapshot) shares with its base by holding a reference. */
struct sg_network {
    char *name;                /* the input's name as the user gave it ("-" for standard input) */
    char *sha256;              /* hex SHA-256 of the input bytes (manifest, then tables, in order) */
    const char *id;            /* manifest id, or the file's base name */
    const char *title;         /* "" when none */
    const char *description;   /* "" when none */
    sg_interval span;          /* the period the network covers (timeless if not given) */
    bool curated;              /* read from a manifest (relations and sources required) */
    bool has_sources_table;

    sg_node *nodes;
    size_t n_nodes;
    sg_edge *edges;
    size_t n_edges;
    sg_source *sources;
    size_t n_sources;
    sg_hypothesis *hypotheses;
    size_t n_hypotheses;
    sg_question *questions;
    size_t n_questions;
    sg_event *events;          /* from the manifest's optional events table, in file order */
    size_t n_events;
    sg_affiliation *affiliations; /* display names of affiliations, in the order given; see
                                     sg_network_affiliation_label */
    size_t n_affiliations;
    const char **extra_attrs;  /* names of extra node columns */
    size_t n_extra_attrs;
    const char **edge_extra_attrs; /* names of extra tie columns (an edge table's unknown columns, a foreign
                                      format's other tie attributes) */
    size_t n_edge_extra_attrs;

    const char *applied_hypothesis; /* ids of the hypotheses applied joined by '+', NULL for the base */
    const struct sg_reading *reading; /* how the network was read (sg_reading_network; owned by the
                                         network), NULL for a network as loaded */

    struct sg_network_private *priv; /* pool, id index, reference count */
};

/* Returns a new empty network named NAME (copied). Free with sg_network_unref. */
sg_network *sg_network_new(const char *name);
/* Adds a reference; returns NET. */
sg_network *sg_network_ref(sg_network *net);
/* Drops a reference; frees the network (and, through it, its base) when the last one goes. NULL is
 * allowed. */
void sg_network_unref(sg_network *net);

/* Copies TEXT (NULL gives "") into the network's pool and returns the pooled copy, which lives as long
 * as the network. Equal strings are stored once. */
const char *sg_network_intern(sg_network *net, const char *text);
/* Splits TEXT at SEP, trims blanks, drops empty parts, pools each part; returns a NULL-terminated array
 * owned by the network. */
const char **sg_network_split(sg_network *net, const char *text, char sep);
/* Returns an empty NULL-terminated array (shared, never freed). */
const char **sg_empty_list(void);
/* Number of entries of a NULL-terminated list. */
size_t sg_list_length(const char *const *list);

/* Appends a node (copied shallowly; its strings must be pooled in NET). Returns its index, or -1 if a
 * node with the same id exists (nothing is added). */
int sg_network_add_node(sg_network *net, const sg_node *node);
/* Appends an edge (copied shallowly). Returns its index. */
size_t sg_network_add_edge(sg_network *net, const sg_edge *edge);
/* Appends a source; returns -1 if the key exists (nothing added), else its index. */
int sg_network_add_source(sg_network *net, const sg_source *source);
/* Appends AFFILIATION (copied shallowly; its strings pooled in NET) to NET's affiliations. Returns its index,
 * or -1 when NET has one with that id already, or when memory runs out (the network then says so); nothing is
 * added then. Amortized O(1). */
int sg_network_add_affiliation(sg_network *net, const sg_affiliation *affiliation);
/* Appends a hypothesis (copied shallowly, its patches array is taken over); returns its index or -1 if
 * the id exists (the patches array is then freed). */
int sg_network_add_hypothesis(sg_network *net, sg_hypothesis *hyp);

/* The node index for ID, or -1. O(1). */
int sg_network_find_node(const sg_network *net, const char *id);
/* The source for KEY, or NULL. */
const sg_source *sg_network_find_source(const sg_network *net, const char *key);
/* The display name of affiliation slug AFFILIATION: its label from NET's affiliations, else the slug
 * itself (borrowed; never NULL; "" for ""). O(1). */
const char *sg_network_affiliation_label(const sg_network *net, const char *affiliation);
/* NET's affiliation ID (its display name), or NULL when it has none (or ID is NULL or ""). O(1). */
const sg_affiliation *sg_network_find_affiliation(const sg_network *net, const char *id);
/* The event with ID, or NULL. O(events). */
const sg_event *sg_network_find_event(const sg_network *net, const char *id);
/* The ids of NET's hypotheses joined by ", " in manifest order ("" when it has none), for messages; the
 * caller g_free()s it. */
char *sg_network_hypothesis_ids(const sg_network *net);
/* The hypothesis with ID, or NULL. */
const sg_hypothesis *sg_network_find_hypothesis(const sg_network *net, const char *id);

/* Resolves NAME against ids, then labels, native names and codenames (case-insensitive for ASCII).
 * Returns the node index; -1 if nothing matches; -2 if several nodes match, and then *CANDIDATES (if not
 * NULL) receives a newly allocated array of their indices, -1 terminated, that the caller g_free()s. */
int sg_network_resolve_node(const sg_network *net, const char *name, int **candidates);

/* Resolves NAME as sg_network_resolve_node does. Returns the node index, or -1 after adding to DIAG
 * "unknown node 'NAME' (NET's name)" or "node 'NAME' is ambiguous (ID (LABEL), ...): give its id". */
int sg_network_resolve_node_or_report(const sg_network *net, const char *name, sg_diag *diag);

/* Returns a copy of BASE with the hypothesis ID applied (the base is never changed), or NULL with the
 * problems in DIAG (unknown hypothesis, a patch naming a missing node or tie). The caller unrefs it. */
sg_network *sg_network_apply_hypothesis(sg_network *base, const char *id, sg_diag *diag);

/* Returns a copy of BASE with the N hypotheses IDS applied in the order given, or NULL with the problems
 * in DIAG: an unknown hypothesis, one named twice, a patch naming a missing node or tie, or two hypotheses
 * that touch the same tie or node incompatibly (different values for one field, or one removes what the
 * other changes), which is an error naming both patch lines. N == 0 gives a new reference to BASE. The
 * caller unrefs the result. */
sg_network *sg_network_apply_hypotheses(sg_network *base, const char *const *ids, size_t n, sg_diag *diag);

/* Applies the patches of HYP to a copy of BASE, adding every problem to DIAG (errors for missing nodes
 * or ties, warnings for patch lines that change nothing). Returns the copy (even when there were errors,
 * so validate can go on), or NULL if BASE is NULL. */
sg_network *sg_network_apply_patches(sg_network *base, const sg_hypothesis *hyp, sg_diag *diag);


/* True when tie E joins nodes S and T with RELATION (NULL: any relation): as written, or either way round
 * when the relation is undirected. This is how a patch line finds the tie it removes or changes. */
bool sg_edge_matches(const sg_edge *e, int s, int t, const sg_relation *relation);

/* True when edges A and B are the same tie: same relation and same ends (either orientation when the
 * relation is undirected). */
bool sg_edge_same_tie(const sg_edge *a, const sg_edge *b);

#endif
