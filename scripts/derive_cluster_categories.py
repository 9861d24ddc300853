"""Derive the NACE Rev. 2 class -> US benchmark cluster category table (package data of smartcluster.mapping).

Rule (the European Cluster Observatory's way, methods/cluster-mapping.md "Cluster categories for Europe"):
each standard 6-digit NAICS code of the US benchmark definitions (Delgado, Porter & Stern 2016) votes for its
cluster; its votes reach NACE classes through the NAICS 2017 -> NACE Rev. 2 correspondence (many-to-many, one vote
per correspondence row). A NACE class takes the cluster with most votes; ties go to traded before local, then to
the lower cluster code. NAICS codes absent from the 2017 correspondence (2012-vintage codes) cast no vote; NACE
classes no benchmark code reaches stay unassigned. A correspondence row pointing at a NACE group ("01.1") is skipped.

Usage: python scripts/derive_cluster_categories.py [DATA_DIR] [OUT_CSV]
(defaults: ../shared/data and smartcluster/mapping/taxonomies/cluster_categories_nace.csv)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from smartcluster.mapping.taxonomies import section_of_division

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "smartcluster" / "mapping" / "taxonomies" / "cluster_categories_nace.csv"


def benchmark_definitions(data_dir: Path) -> pd.DataFrame:
    """Standard NAICS codes of the US benchmark clusters: naics, cluster_code, cluster_name, traded."""
    raw = pd.read_csv(data_dir / "us-cluster-mapping" / "us_benchmark_cluster_definitions_naics.csv", dtype=str)
    standard = raw[(raw["emsi_specific_non_standard"] == "False") & raw["cluster_code"].notna()]
    return pd.DataFrame({
        "naics": standard["naics"].str.strip(),
        "cluster_code": standard["cluster_code"].astype(float).astype(int),
        "cluster_name": standard["cluster"].str.strip(),
        "traded": standard["traded_local"].str.strip().eq("Traded"),
    })


def naics_to_nace(data_dir: Path) -> pd.DataFrame:
    """NAICS 2017 -> NACE Rev. 2 class pairs (dotted NACE codes such as '10.11')."""
    raw = pd.read_csv(data_dir / "classifications" / "NAICS2017_NACE.csv.gz", dtype=str, encoding="utf-8-sig")
    pairs = pd.DataFrame({"naics": raw["NAICS 2017"].str.strip(), "nace": raw["NACE Rev. 2"].str.strip()})
    return pairs[pairs["nace"].str.fullmatch(r"\d{2}\.\d{2}")]


def cluster_votes(definitions: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Votes of NAICS codes per NACE class and cluster."""
    joined = pairs.merge(definitions, on="naics", how="inner")
    return (joined.groupby(["nace", "cluster_code", "cluster_name", "traded"], as_index=False)
            .agg(votes=("naics", "size")))


def class_categories(votes: pd.DataFrame) -> pd.DataFrame:
    """One cluster per NACE class by majority of votes; ties: traded first, then the lower cluster code."""
    votes = votes.assign(total_votes=votes.groupby("nace")["votes"].transform("sum"))
    ranked = votes.sort_values(["nace", "votes", "traded", "cluster_code"], ascending=[True, False, False, True])
    position = ranked.groupby("nace").cumcount()
    best = ranked[position == 0].copy()
    runner_up = ranked[position == 1].set_index("nace")["votes"]
    best["tie_broken"] = best["nace"].map(runner_up).eq(best["votes"])
    best["industry"] = [f"{section_of_division(int(code[:2]))}{code.replace('.', '')}" for code in best["nace"]]
    return best[["industry", "nace", "cluster_code", "cluster_name", "traded", "votes", "total_votes",
                 "tie_broken"]].sort_values("nace").reset_index(drop=True)


def main(argv: list[str]) -> None:
    data_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    out = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUT
    definitions = benchmark_definitions(data_dir)
    pairs = naics_to_nace(data_dir)
    table = class_categories(cluster_votes(definitions, pairs))
    table.to_csv(out, index=False)
    unmatched = sorted(set(definitions["naics"]) - set(pairs["naics"]))
    print(f"{len(table)} NACE classes assigned to {table['cluster_code'].nunique()} clusters; "
          f"{int(table['tie_broken'].sum())} ties broken; {len(unmatched)} of {len(definitions)} benchmark NAICS "
          f"codes are not in the 2017 correspondence -> {out}")


if __name__ == "__main__":
    main(sys.argv)
