"""Write paths (HackSoft-style services): one module per area, keyword-only, transactional."""
