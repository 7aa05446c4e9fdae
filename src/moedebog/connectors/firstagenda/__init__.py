"""FirstAgenda Publication: `moedebog sync firstagenda BASE_URL` (API in api.py, orchestration in sync.py)."""
