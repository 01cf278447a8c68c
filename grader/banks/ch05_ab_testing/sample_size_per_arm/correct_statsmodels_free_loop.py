# Correct: searches for the smallest n whose power reaches the target (same normal approximation).
def sample_size_per_arm(p_control, p_treatment, alpha=0.05, power=0.8):
    from scipy.stats import norm
    spread = (p_control * (1 - p_control) + p_treatment * (1 - p_treatment)) ** 0.5
    z_alpha = norm.ppf(1 - alpha / 2)
    n = int(((z_alpha + norm.ppf(power)) * spread / abs(p_treatment - p_control)) ** 2) - 2
    n = max(n, 1)
    while norm.cdf(abs(p_treatment - p_control) * n ** 0.5 / spread - z_alpha) < power:
        n += 1
    return n
